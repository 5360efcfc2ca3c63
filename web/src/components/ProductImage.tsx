import { PictureOutlined } from '@ant-design/icons';
import { useState, type CSSProperties } from 'react';

interface ProductImageProps {
  src?: string;
  alt: string;
  size?: number | string;
  style?: CSSProperties;
  /** On the first screen: load at once instead of lazily. */
  eager?: boolean;
}

/** A product picture that degrades to a neutral placeholder when the URL is missing or broken. */
export function ProductImage({ src, alt, size = '100%', style, eager = false }: ProductImageProps) {
  const [broken, setBroken] = useState(false);
  const box: CSSProperties = {
    width: size,
    // The width and height attributes only give the ratio early (no layout shift); CSS sizes it.
    height: 'auto',
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
  return <img src={src} alt={alt} loading={eager ? undefined : 'lazy'} width={600} height={600} style={box} onError={() => setBroken(true)} />;
}
