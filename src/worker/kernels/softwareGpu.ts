// Kernels for software-emulated GPUs (SwiftShader, llvmpipe): a classroom laptop without a usable GPU may still
// offer WebGL or WebGPU this way, and tfjs's GPU kernels are tuned for real GPUs, not for GPU emulation on a few
// CPU cores. The replacements are switched on only where the probe found a software GPU (backends/probeBackend.ts):
// they are
// unmeasured on hardware, where tfjs's tiled kernels are the ones tuned for it.
import { kernelSwitch } from './kernelSwitch';
import { webglConvKernels } from './webgl/webglConv';
import { webgpuConvKernels } from './webgpu/webgpuConv';
import { webgpuMatMulKernels } from './webgpu/webgpuMatMul';

/** im2col convolutions around one matrix product (webglConv.ts), or tfjs's own. */
export const setWebglSoftware = kernelSwitch('webgl', webglConvKernels);
/** Plain-loop convolutions and register-tiled products without workgroup memory, or tfjs's own. */
export const setWebgpuSoftware = kernelSwitch('webgpu', { ...webgpuConvKernels, ...webgpuMatMulKernels });
