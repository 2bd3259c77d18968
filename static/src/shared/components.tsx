import Lozenge from '@atlaskit/lozenge';
import type { InitiativeStatus } from '../../../src/domain/model';
import { STATUS_LABEL } from './labels';
import { STATUS_APPEARANCE } from './lozenge';

export { ErrorSectionMessage as ErrorMessage } from './error-message';
export { Fact, Loading, muted, Page } from './page';
export { AccentTag, HorizonLozenge, trackColor, TrackLozenge } from './tags';

export const StatusLozenge = ({ status }: { status: InitiativeStatus }) => <Lozenge appearance={STATUS_APPEARANCE[status]}>{STATUS_LABEL[status]}</Lozenge>;
