import { EffectiveFromDto } from '../../effective-from.dto';

export class RetireGridDto extends EffectiveFromDto {}
