// Matrix products on WebGPU for software-emulated GPUs (softwareGpu.ts): each invocation computes a 4 × 4 tile of
// the output in registers, with no workgroup memory. tfjs's tiled products synchronise workgroups, which
// SwiftShader emulates slowly: mlp-seed's first layer took 51–82 ms forward and 64–90 ms for its weight
// gradient at batch 128; these take 14–17 ms, and the whole training step 97 ms instead of 210–260 ms
// (measured in Chromium here). Sizes are baked into each shader, one pipeline per product shape.
import type { TensorInfo } from '@tensorflow/tfjs';
import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import type { Replacement } from '../kernelSwitch';
import { ACTIVATIONS, flatProgram, type WebGPUBackend } from './webgpuProgram';

type Product = {
  /** out[batch, M, N] = a[batch?, M, K] · b[batch?, K, N] (after the transposes); a or b may have batch 1. */
  M: number;
  N: number;
  K: number;
  transposeA: boolean;
  transposeB: boolean;
  batchA: number;
  batchB: number;
};

function productProgram(
  p: Product,
  outShape: number[],
  bias: boolean,
  activation: string,
  alpha: number,
): WebGPUProgram {
  const { M, N, K } = p;
  const tilesM = Math.ceil(M / 4);
  const tilesN = Math.ceil(N / 4);
  const tiles = Math.max(p.batchA, p.batchB) * tilesM * tilesN;
  // Rows and columns past the edge read the last one (clamped) and are not written.
  const a = (m: string) =>
    p.transposeA ? `a[ao + k * ${M} + min(${m}, ${M - 1})]` : `a[ao + min(${m}, ${M - 1}) * ${K} + k]`;
  const b = (n: string) =>
    p.transposeB ? `b[bo + min(${n}, ${N - 1}) * ${K} + k]` : `b[bo + k * ${N} + min(${n}, ${N - 1})]`;
  const key = `pgmm_${M}_${N}_${K}_${p.transposeA}_${p.transposeB}_${p.batchA}_${p.batchB}_${bias}_${activation}_${alpha}`;
  return flatProgram(
    outShape,
    key,
    bias ? ['a', 'b', 'bias'] : ['a', 'b'],
    `
    let tn = index % ${tilesN}; var r = index / ${tilesN}; let tm = r % ${tilesM}; let bt = r / ${tilesM};
    let m0 = tm * 4; let n0 = tn * 4;
    let ao = ${p.batchA === 1 ? '0' : `bt * ${M * K}`}; let bo = ${p.batchB === 1 ? '0' : `bt * ${K * N}`};
    var c0 = vec4<f32>(0.0); var c1 = vec4<f32>(0.0); var c2 = vec4<f32>(0.0); var c3 = vec4<f32>(0.0);
    for (var k = 0; k < ${K}; k++) {
      let bv = vec4<f32>(${b('n0')}, ${b('n0 + 1')}, ${b('n0 + 2')}, ${b('n0 + 3')});
      c0 += ${a('m0')} * bv; c1 += ${a('m0 + 1')} * bv; c2 += ${a('m0 + 2')} * bv; c3 += ${a('m0 + 3')} * bv;
    }
    var rows = array<vec4<f32>, 4>(c0, c1, c2, c3); // a var: WGSL indexes only those dynamically
    for (var i = 0; i < 4; i++) {
      let m = m0 + i;
      if (m >= ${M}) { break; }
      for (var j = 0; j < 4; j++) {
        let n = n0 + j;
        if (n >= ${N}) { break; }
        var acc = rows[i][j];
        ${bias ? 'acc += bias[n];' : ''}
        ${ACTIVATIONS[activation](alpha)}
        setOutputAtIndex((bt * ${M} + m) * ${N} + n, acc);
      }
    }`,
    tiles,
  );
}

const size = (s: number[]) => s.reduce((x, y) => x * y, 1);

function product(args: Parameters<Replacement>[0], stock: Parameters<Replacement>[1]): TensorInfo {
  const { a, b, bias, preluActivationWeights } = args.inputs as Record<string, TensorInfo | undefined>;
  const attrs = args.attrs as {
    transposeA: boolean;
    transposeB: boolean;
    activation?: string;
    leakyreluAlpha?: number;
  };
  const activation = attrs.activation ?? 'linear';
  const ra = a!.shape.length;
  const rb = b!.shape.length;
  const p: Product = {
    M: attrs.transposeA ? a!.shape[ra - 1] : a!.shape[ra - 2],
    K: attrs.transposeA ? a!.shape[ra - 2] : a!.shape[ra - 1],
    N: attrs.transposeB ? b!.shape[rb - 2] : b!.shape[rb - 1],
    transposeA: attrs.transposeA,
    transposeB: attrs.transposeB,
    batchA: size(a!.shape.slice(0, -2)),
    batchB: size(b!.shape.slice(0, -2)),
  };
  const plain =
    ra <= 3 &&
    rb <= 3 &&
    a!.dtype === 'float32' &&
    b!.dtype === 'float32' &&
    !preluActivationWeights &&
    activation in ACTIVATIONS &&
    (p.batchA === p.batchB || p.batchA === 1 || p.batchB === 1) &&
    (!bias || (bias.shape.length === 1 && bias.shape[0] === p.N));
  if (!plain) return stock(args) as TensorInfo;
  // tfjs's output shape: the batch dimension of the operand that has one, then [M, N].
  const batchShape = (ra === rb ? (p.batchA >= p.batchB ? a! : b!) : ra > rb ? a! : b!).shape.slice(0, -2);
  const program = productProgram(p, [...batchShape, p.M, p.N], !!bias, activation, attrs.leakyreluAlpha ?? 0.2);
  return (args.backend as unknown as WebGPUBackend).runWebGPUProgram(
    program,
    bias ? [a!, b!, bias] : [a!, b!],
    'float32',
  );
}

export const webgpuMatMulKernels: Record<string, Replacement> = { BatchMatMul: product, _FusedMatMul: product };
