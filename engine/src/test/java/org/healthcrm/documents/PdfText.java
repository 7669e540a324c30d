package org.healthcrm.documents;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.DrawObject;
import org.apache.pdfbox.contentstream.operator.state.Concatenate;
import org.apache.pdfbox.contentstream.operator.state.Restore;
import org.apache.pdfbox.contentstream.operator.state.Save;
import org.apache.pdfbox.contentstream.operator.state.SetMatrix;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.util.Matrix;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A rendered PDF read back with PDFBox as a reader would see it: the text of each page in reading order (top to
 * bottom, left to right), the fonts and the images on each page.
 */
record PdfText(List<String> pages, List<List<PDFont>> fonts, List<List<ImageOnPage>> images,
               List<Integer> imageResources, float pageWidth, float pageHeight) {

    /** An image drawn on a page: its pixels, their colour space, whether it has a soft mask, its size on paper. */
    record ImageOnPage(BufferedImage pixels, String colorSpace, boolean masked, float width, float height) {

        int pixelWidth() {
            return pixels.getWidth();
        }
    }

    static PdfText of(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            List<String> pages = new ArrayList<>();
            List<List<PDFont>> fonts = new ArrayList<>();
            List<List<ImageOnPage>> images = new ArrayList<>();
            List<Integer> imageResources = new ArrayList<>();
            for (int i = 1; i <= document.getNumberOfPages(); i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                pages.add(stripper.getText(document));
                PDPage page = document.getPage(i - 1);
                fonts.add(fonts(page.getResources()));
                images.add(images(page));
                imageResources.add(imageResources(page.getResources()));
            }
            PDPage first = document.getPage(0);
            return new PdfText(pages, fonts, images, imageResources, first.getMediaBox().getWidth(),
                    first.getMediaBox().getHeight());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int pageCount() {
        return pages.size();
    }

    /** All text, each run of white space (line breaks included) as one space. */
    String flat() {
        return String.join(" ", pages).replaceAll("\\s+", " ").trim();
    }

    /** One page's text with white space collapsed. */
    String page(int number) {
        return pages.get(number - 1).replaceAll("\\s+", " ").trim();
    }

    /** The lines of all pages, trimmed. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (String page : pages) {
            for (String line : page.split("\\R")) {
                lines.add(line.trim().replaceAll("\\s+", " "));
            }
        }
        return lines;
    }

    int imageCount() {
        return images.stream().mapToInt(List::size).sum();
    }

    /** The PDImageXObject resources of a page. */
    private static int imageResources(PDResources resources) throws IOException {
        int count = 0;
        for (COSName name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof PDImageXObject) {
                count++;
            }
        }
        return count;
    }

    private static List<PDFont> fonts(PDResources resources) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (COSName name : resources.getFontNames()) {
            fonts.add(resources.getFont(name));
        }
        return fonts;
    }

    private static List<ImageOnPage> images(PDPage page) throws IOException {
        List<ImageOnPage> images = new ArrayList<>();
        new PDFStreamEngine() {
            {
                addOperator(new Concatenate(this));
                addOperator(new DrawObject(this));
                addOperator(new SetMatrix(this));
                addOperator(new Save(this));
                addOperator(new Restore(this));
            }

            @Override
            protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
                if ("Do".equals(operator.getName()) && !operands.isEmpty() && operands.get(0) instanceof COSName n) {
                    PDXObject object = getResources().getXObject(n);
                    if (object instanceof PDImageXObject image) {
                        Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
                        images.add(new ImageOnPage(image.getImage(), image.getColorSpace().getName(),
                                image.getSoftMask() != null, ctm.getScalingFactorX(), ctm.getScalingFactorY()));
                        return;
                    }
                }
                super.processOperator(operator, operands);
            }
        }.processPage(page);
        return images;
    }
}
