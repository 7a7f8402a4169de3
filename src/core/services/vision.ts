import type { ApiResult } from '../../shared/api.ts';
import type { CoreContext } from '../context.ts';
import { findOnModelsPath } from './system.ts';

/** The image feature extractor is third-party weights we may not ship: it comes from the models path. */
const extractorFile = 'mobilenet-v2-1.0-224-quant/mobilenet_v2_1.0_224_quant.onnx';

export function visionStatus(context: CoreContext): ApiResult<'vision.status'> {
  const found = findOnModelsPath(context.modelsPath, extractorFile);
  if (found) return { available: true, message: `image extractor: ${found}` };
  const where = context.modelsPath.length ? context.modelsPath.join(', ') : '(SHOPDESK_MODELS_PATH is not set)';
  return { available: false, message: `Photo identification needs ${extractorFile} in a models folder; searched ${where}.` };
}
