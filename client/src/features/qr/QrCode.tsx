import QRCode from 'qrcode'
import { useEffect, useState } from 'react'

/** A QR code for a URL, drawn as an image (dark on light, for cameras in dim halls). */
export function QrCode({ url, label, size = 320 }: { url: string; label: string; size?: number }) {
  const [src, setSrc] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    QRCode.toDataURL(url, { margin: 2, width: size, errorCorrectionLevel: 'M' }).then((data) => live && setSrc(data), () => live && setSrc(null))
    return () => {
      live = false
    }
  }, [url, size])
  return src ? <img className="qr" src={src} width={size} height={size} alt={label} /> : <div className="qr" style={{ width: size, height: size }} aria-label={label} />
}
