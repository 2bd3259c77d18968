import { mount } from '../shared/mount';
import { Macro } from './MacroView';

mount(<Macro />);
