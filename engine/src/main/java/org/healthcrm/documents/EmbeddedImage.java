package org.healthcrm.documents;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A PNG or JPEG image put into a document, or nothing when the bytes are not a readable image of a sane size.
 * Images come from people (signatures, uploads), so anything else is refused rather than handed to a decoder:
 * a PNG claiming billions of pixels would otherwise be decoded into memory.
 */
final class EmbeddedImage {

    /** Largest image accepted, in pixels: 25 megapixels, far above any signature pad or phone photo in a PDF. */
    static final long MAX_PIXELS = 25_000_000L;

    /** A PNG's signature and whole IHDR chunk; no image is smaller. */
    private static final int MIN_IMAGE_BYTES = 33;

    private static final int PNG_GRAY_ALPHA = 4;
    private static final int PNG_RGB_ALPHA = 6;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private EmbeddedImage() {
    }

    /** The image as a PDF image of this document; empty when it is not a readable PNG or JPEG. */
    static Optional<PDImageXObject> of(PDDocument document, byte[] bytes) {
        if (bytes == null || bytes.length < MIN_IMAGE_BYTES) {
            return Optional.empty();
        }
        try {
            if (isPng(bytes)) {
                long width = readInt(bytes, 16);
                long height = readInt(bytes, 20);
                if (width <= 0 || height <= 0 || width * height > MAX_PIXELS) {
                    return Optional.empty();
                }
                int colorType = bytes[25] & 0xFF;
                if (colorType == PNG_GRAY_ALPHA || colorType == PNG_RGB_ALPHA) {
                    return Optional.of(flattenedOnWhite(document, bytes));
                }
                return Optional.of(PDImageXObject.createFromByteArray(document, bytes, "image.png"));
            }
            if ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8) {
                // a JPEG is embedded as it is (DCTDecode); only its header is read here
                PDImageXObject jpeg = JPEGFactory.createFromByteArray(document, bytes);
                long pixels = (long) jpeg.getWidth() * jpeg.getHeight();
                return pixels > 0 && pixels <= MAX_PIXELS ? Optional.of(jpeg) : Optional.empty();
            }
            return Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            // corrupt or unsupported data: the caller shows its own text in place of the image
            return Optional.empty();
        }
    }

    /**
     * A PNG with an alpha channel, as signature pads draw them (ink on a transparent canvas), composed onto white
     * paper: what the page shows anyway, at a quarter of PDFBox's cost (which keeps the alpha as a soft mask and
     * tries every PNG predictor), and in grey when the image has no colour.
     */
    private static PDImageXObject flattenedOnWhite(PDDocument document, byte[] png) throws IOException {
        // in memory: ImageIO.read(InputStream) may buffer through a temporary file. ImageIO closes the stream.
        BufferedImage decoded = ImageIO.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(png)));
        if (decoded == null) {
            throw new IOException("no PNG reader");
        }
        int width = decoded.getWidth();
        int height = decoded.getHeight();
        int[] argb = argb(decoded);
        boolean gray = true;
        for (int i = 0; i < argb.length; i++) {
            int pixel = argb[i];
            int alpha = pixel >>> 24;
            int r = onWhite((pixel >> 16) & 0xFF, alpha);
            int g = onWhite((pixel >> 8) & 0xFF, alpha);
            int b = onWhite(pixel & 0xFF, alpha);
            argb[i] = (r << 16) | (g << 8) | b;
            gray &= r == g && g == b;
        }
        byte[] samples = new byte[argb.length * (gray ? 1 : 3)];
        for (int i = 0, j = 0; i < argb.length; i++) {
            int pixel = argb[i];
            if (gray) {
                samples[j++] = (byte) pixel;
            } else {
                samples[j++] = (byte) (pixel >> 16);
                samples[j++] = (byte) (pixel >> 8);
                samples[j++] = (byte) pixel;
            }
        }
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(samples.length / 8 + 64);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DeflaterOutputStream out = new DeflaterOutputStream(compressed, deflater, 8192)) {
            out.write(samples);
        } finally {
            deflater.end();
        }
        return new PDImageXObject(document, new ByteArrayInputStream(compressed.toByteArray()), COSName.FLATE_DECODE,
                width, height, 8, gray ? PDDeviceGray.INSTANCE : PDDeviceRGB.INSTANCE);
    }

    /** The pixels as non-premultiplied ARGB; read straight from the raster for 8-bit RGBA, the usual case. */
    private static int[] argb(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        if (image.getType() == BufferedImage.TYPE_4BYTE_ABGR
                && image.getRaster().getDataBuffer() instanceof DataBufferByte buffer
                && buffer.getNumBanks() == 1 && buffer.getData().length == width * height * 4) {
            byte[] abgr = buffer.getData();
            int[] argb = new int[width * height];
            for (int i = 0, j = 0; i < argb.length; i++, j += 4) {
                argb[i] = (abgr[j] & 0xFF) << 24 | (abgr[j + 3] & 0xFF) << 16 | (abgr[j + 2] & 0xFF) << 8
                        | (abgr[j + 1] & 0xFF);
            }
            return argb;
        }
        return image.getRGB(0, 0, width, height, null, 0, width);
    }

    private static int onWhite(int component, int alpha) {
        return (component * alpha + 255 * (255 - alpha) + 127) / 255;
    }

    private static boolean isPng(byte[] bytes) {
        for (int i = 0; i < PNG_SIGNATURE.length; i++) {
            if (bytes[i] != PNG_SIGNATURE[i]) {
                return false;
            }
        }
        return bytes[12] == 'I' && bytes[13] == 'H' && bytes[14] == 'D' && bytes[15] == 'R';
    }

    private static long readInt(byte[] bytes, int offset) {
        return ((long) (bytes[offset] & 0xFF) << 24) | ((bytes[offset + 1] & 0xFF) << 16)
                | ((bytes[offset + 2] & 0xFF) << 8) | (bytes[offset + 3] & 0xFF);
    }
}
