"""python -m bench [NAME …]: run the named benchmarks (all when none is named)."""

import sys

from bench import import_archive, search_korean

BENCHMARKS = {"import": import_archive.run, "search": search_korean.run}


def main(names):
    unknown = [name for name in names if name not in BENCHMARKS]
    if unknown:
        sys.exit(f"알 수 없는 벤치마크: {', '.join(unknown)} (가능: {', '.join(BENCHMARKS)})")
    for name in names or BENCHMARKS:
        BENCHMARKS[name]()


if __name__ == "__main__":
    main(sys.argv[1:])
