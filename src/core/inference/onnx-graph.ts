/**
 * Builds ONNX models in TypeScript, so that models trained here (reviews, intents,
 * recommendations) are served through onnxruntime like any other model.
 * Encodes with onnx-proto (IR 8, opset 17), a combination onnxruntime-node 1.30 loads.
 */
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

export type GraphTensorType = 'float32' | 'int64' | 'int32' | 'uint8';

const elementTypes: Record<GraphTensorType, number> = {
  float32: onnx.TensorProto.DataType.FLOAT,
  int64: onnx.TensorProto.DataType.INT64,
  int32: onnx.TensorProto.DataType.INT32,
  uint8: onnx.TensorProto.DataType.UINT8,
};

/** A dimension is a fixed size or a symbolic name such as 'batch'. */
export type Dimension = number | string;

export interface GraphValue {
  name: string;
  type: GraphTensorType;
  dims: Dimension[];
}

export interface GraphInitializer {
  name: string;
  type: GraphTensorType;
  dims: number[];
  data: Float32Array | BigInt64Array | Int32Array | Uint8Array;
}

/** Whole numbers encode as INT; wrap a float attribute as `{ float: 1 }` to keep its type. */
export type AttributeValue = number | number[] | string | { float: number };

export interface GraphNode {
  op: string;
  inputs: string[];
  outputs: string[];
  attributes?: Record<string, AttributeValue>;
  /** Ops outside the default domain, e.g. 'com.microsoft'. */
  domain?: string;
}

export interface GraphDefinition {
  name: string;
  inputs: GraphValue[];
  outputs: GraphValue[];
  initializers: GraphInitializer[];
  nodes: GraphNode[];
  /** Free-form key/value pairs stored in the model (vocabulary hash, training seed, …). */
  metadata?: Record<string, string>;
}

export const opsetVersion = 17;
export const irVersion = 8;

function valueInfo(value: GraphValue): InstanceType<typeof onnx.ValueInfoProto> {
  return onnx.ValueInfoProto.create({
    name: value.name,
    type: onnx.TypeProto.create({
      tensorType: onnx.TypeProto.Tensor.create({
        elemType: elementTypes[value.type],
        shape: onnx.TensorShapeProto.create({
          dim: value.dims.map((dim) =>
            typeof dim === 'number'
              ? onnx.TensorShapeProto.Dimension.create({ dimValue: dim })
              : onnx.TensorShapeProto.Dimension.create({ dimParam: dim }),
          ),
        }),
      }),
    }),
  });
}

function initializer(tensor: GraphInitializer): InstanceType<typeof onnx.TensorProto> {
  const { data } = tensor;
  // rawData keeps large weight tables compact and fast to encode.
  const rawData = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return onnx.TensorProto.create({
    name: tensor.name,
    dataType: elementTypes[tensor.type],
    dims: tensor.dims,
    rawData,
  });
}

function attribute(name: string, value: AttributeValue): InstanceType<typeof onnx.AttributeProto> {
  const { AttributeType } = onnx.AttributeProto;
  if (typeof value === 'string') {
    return onnx.AttributeProto.create({ name, type: AttributeType.STRING, s: new TextEncoder().encode(value) });
  }
  if (Array.isArray(value)) {
    return onnx.AttributeProto.create({ name, type: AttributeType.INTS, ints: value });
  }
  if (typeof value === 'object') {
    return onnx.AttributeProto.create({ name, type: AttributeType.FLOAT, f: value.float });
  }
  if (Number.isInteger(value)) {
    return onnx.AttributeProto.create({ name, type: AttributeType.INT, i: value });
  }
  return onnx.AttributeProto.create({ name, type: AttributeType.FLOAT, f: value });
}

/** Serialises a graph to the bytes of an .onnx file. */
export function encodeModel(graph: GraphDefinition): Uint8Array {
  const domains = new Set(graph.nodes.map((node) => node.domain ?? ''));
  const model = onnx.ModelProto.create({
    irVersion,
    producerName: 'shopdesk',
    opsetImport: [...domains].map((domain) => onnx.OperatorSetIdProto.create({ domain, version: domain === '' ? opsetVersion : 1 })),
    metadataProps: Object.entries(graph.metadata ?? {}).map(([key, value]) => onnx.StringStringEntryProto.create({ key, value })),
    graph: onnx.GraphProto.create({
      name: graph.name,
      input: graph.inputs.map(valueInfo),
      output: graph.outputs.map(valueInfo),
      initializer: graph.initializers.map(initializer),
      node: graph.nodes.map((node, index) =>
        onnx.NodeProto.create({
          name: `${node.op}_${index}`,
          opType: node.op,
          domain: node.domain ?? '',
          input: node.inputs,
          output: node.outputs,
          attribute: Object.entries(node.attributes ?? {}).map(([name, value]) => attribute(name, value)),
        }),
      ),
    }),
  });
  return onnx.ModelProto.encode(model).finish();
}

/**
 * The float32 initializers of an .onnx file written by encodeModel, by name: what a model
 * the project trained has learned, read back to be trained further (see reviews/model/adapt.ts).
 */
export function readFloatInitializers(bytes: Uint8Array): Map<string, { dims: number[]; data: Float32Array }> {
  const model = onnx.ModelProto.decode(bytes);
  const found = new Map<string, { dims: number[]; data: Float32Array }>();
  for (const tensor of model.graph?.initializer ?? []) {
    if (tensor.dataType !== onnx.TensorProto.DataType.FLOAT || !tensor.name) continue;
    const raw = tensor.rawData ?? new Uint8Array();
    let data = Float32Array.from(tensor.floatData ?? []);
    if (raw.byteLength > 0) {
      // Copied into an aligned buffer of its own: the decoded bytes are a view into the file at any offset.
      data = new Float32Array(raw.byteLength / Float32Array.BYTES_PER_ELEMENT);
      new Uint8Array(data.buffer).set(raw);
    }
    found.set(tensor.name, { dims: (tensor.dims ?? []).map(Number), data });
  }
  return found;
}
