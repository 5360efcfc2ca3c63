import { PictureOutlined } from '@ant-design/icons';
import { useState, type CSSProperties } from 'react';

interface ProductImageProps {
  src?: string;
  alt: string;
  size?: number | string;
  style?: CSSProperties;
}

/** A product picture that degrades to a neutral placeholder when the URL is missing or broken. */
export function ProductImage({ src, alt, size = '100%', style }: ProductImageProps) {
  const [broken, setBroken] = useState(false);
  const box: CSSProperties = {
    width: size,
    aspectRatio: '1 / 1',
    objectFit: 'cover',
    background: 'var(--shop-image-bg)',
    borderRadius: 6,
    display: 'block',
    ...style,
  };
  if (!src || broken) {
    return (
      <div role="img" aria-label={alt} style={{ ...box, display: 'grid', placeItems: 'center', color: '#bbb', fontSize: 28 }}>
        <PictureOutlined />
      </div>
    );
  }
  return <img src={src} alt={alt} loading="lazy" style={box} onError={() => setBroken(true)} />;
}
