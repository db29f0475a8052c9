#!/usr/bin/env python3
"""Writes the texts of PolNeAR splits as HTML pages that `claimgraph ingest`
reads: the first line as headline, each other line as a paragraph, the outlet
and date of the file name as site name and publication date. For measuring
what ingest does with many articles on the same events (near-duplicate
claims: EVALUATION.md); the pages are written outside the project.

    scripts/polnear-as-pages.py ../shared/corpora/attribution/polnear OUT_DIR [SPLIT...]

SPLIT defaults to train and dev. Names look like
`<outlet>_<yyyy-mm-dd>_<slug>.txt`; a name of another shape is reported on
stderr and skipped.
"""
import html
import os
import sys

OUTLETS = {
    "breitbart": "Breitbart",
    "huff-post": "HuffPost",
    "nyt": "The New York Times",
    "politico": "Politico",
    "usa-today": "USA Today",
    "wash-post": "The Washington Post",
    "west-journal": "Western Journal",
}


def page(text, outlet, date, slug):
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if not lines:
        return None
    title = html.escape(lines[0])
    body = "".join(f"<p>{html.escape(line)}</p>\n" for line in lines[1:])
    site = html.escape(OUTLETS.get(outlet, outlet))
    url = f"https://{outlet}.example/{date}/{slug}"
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>\n'
        f'<link rel="canonical" href="{url}"><meta property="og:site_name" content="{site}">\n'
        f'<meta property="article:published_time" content="{date}T12:00:00Z"></head>\n'
        f"<body><article><h1>{title}</h1>\n{body}</article></body></html>\n"
    )


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    corpus, out = sys.argv[1], sys.argv[2]
    splits = sys.argv[3:] or ["train", "dev"]
    os.makedirs(out, exist_ok=True)
    written = 0
    for split in splits:
        texts = os.path.join(corpus, split, "text")
        if not os.path.isdir(texts):
            sys.exit(f"error: no directory {texts}")
        for name in sorted(os.listdir(texts)):
            parts = name.removesuffix(".txt").split("_", 2)
            if not name.endswith(".txt") or len(parts) != 3:
                print(f"skipped {os.path.join(texts, name)}: not <outlet>_<date>_<slug>.txt", file=sys.stderr)
                continue
            with open(os.path.join(texts, name), encoding="utf-8") as f:
                html_page = page(f.read(), *parts)
            if html_page is None:
                print(f"skipped {os.path.join(texts, name)}: empty", file=sys.stderr)
                continue
            with open(os.path.join(out, name.removesuffix(".txt") + ".html"), "w", encoding="utf-8") as f:
                f.write(html_page)
            written += 1
    print(f"wrote {written} pages to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
