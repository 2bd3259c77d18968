import { mount } from '../shared/mount';
import { MacroConfigPage } from './MacroConfigForm';

mount(<MacroConfigPage />);
