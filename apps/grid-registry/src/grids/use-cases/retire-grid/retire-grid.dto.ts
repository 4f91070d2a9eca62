import { EffectiveFromDto } from '../../effective-from.dto';
import type { GridRetirement } from './retire-grid.command';

export class RetireGridDto extends EffectiveFromDto implements GridRetirement {}
