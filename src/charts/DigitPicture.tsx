import PixelImage from './PixelImage';

/** A 28×28 digit as the model reads it (784 bytes, 0 = background, 255 = ink), shown `size` CSS pixels wide. */
export default function DigitPicture({
  pixels,
  size,
  label,
}: {
  pixels: ArrayLike<number>;
  size: number;
  label: string;
}) {
  return <PixelImage values={pixels} side={28} mode="gray" scale={1 / 255} size={size} label={label} />;
}
