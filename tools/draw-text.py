#!/usr/bin/python3
"""draw-text.py: draws a text file as it is written, line by line, on A4 pages.

    tools/draw-text.py FILE FONT.ttf POINTS DPI OUT_PREFIX

Writes OUT_PREFIX-000.png, OUT_PREFIX-001.png, ...: white pages, 2 cm margins,
black text in FONT at POINTS and DPI, each line of FILE wrapped at the page
width between words. Nothing is laid out: a markdown file comes out with its
heading marks, bold stars and pipe tables as written, as a plain text file
drawn with Pillow does. tools/make-damaged-corpora.sh --draw reads such pages
back with tesseract. Needs the Debian package python3-pil.
"""
import sys

from PIL import Image, ImageDraw, ImageFont

A4_INCHES = (8.27, 11.69)
MARGIN_INCHES = 0.8
LINE_SPACING = 1.35


def wrapped_lines(text, font, width):
    """Each line of text, cut between words where it would run past width."""
    for line in text.split("\n"):
        current = ""
        for word in line.split(" "):
            candidate = current + " " + word if current else word
            if current and font.getlength(candidate) > width:
                yield current
                current = word
            else:
                current = candidate
        yield current


def main():
    if len(sys.argv) != 6:
        sys.exit("usage: draw-text.py FILE FONT.ttf POINTS DPI OUT_PREFIX")
    source, font_path, points, dpi, prefix = sys.argv[1:]
    dpi = int(dpi)
    size = round(float(points) * dpi / 72)
    font = ImageFont.truetype(font_path, size)
    page_width, page_height = (round(inches * dpi) for inches in A4_INCHES)
    margin = round(MARGIN_INCHES * dpi)
    line_height = round(size * LINE_SPACING)
    with open(source, encoding="utf-8") as handle:
        lines = list(wrapped_lines(handle.read(), font, page_width - 2 * margin))
    per_page = (page_height - 2 * margin) // line_height
    for page, first in enumerate(range(0, len(lines), per_page)):
        image = Image.new("L", (page_width, page_height), 255)
        draw = ImageDraw.Draw(image)
        for row, line in enumerate(lines[first:first + per_page]):
            draw.text((margin, margin + row * line_height), line, font=font, fill=0)
        image.save("%s-%03d.png" % (prefix, page))


if __name__ == "__main__":
    main()
