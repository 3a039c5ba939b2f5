import QRCode from "qrcode";

/** Renders an otpauth:// URI as an inline SVG QR code, on the server (no canvas, no client JS). */
export async function totpQrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
}
