"""Times trafilatura (text and metadata, as `bare_extraction` gives them) on
every page of a directory of .html/.htm/.html.gz files, in one process.
Prints one JSON line: pages, seconds (the extraction loop only: imports and
interpreter start-up are not counted), pages_per_second."""

import glob
import gzip
import json
import os
import sys
import time

import trafilatura


def read(path):
    with open(path, "rb") as f:
        data = f.read()
    return gzip.decompress(data) if path.endswith(".gz") else data


def main(directory):
    files = sorted(
        f
        for pattern in ("*.html", "*.htm", "*.html.gz")
        for f in glob.glob(os.path.join(directory, pattern))
    )
    started = time.perf_counter()
    extracted = 0
    for path in files:
        if trafilatura.bare_extraction(read(path), with_metadata=True) is not None:
            extracted += 1
    seconds = time.perf_counter() - started
    print(json.dumps({
        "pages": len(files),
        "extracted": extracted,
        "seconds": seconds,
        "pages_per_second": len(files) / seconds,
    }))


if __name__ == "__main__":
    main(sys.argv[1])
