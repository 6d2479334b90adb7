"""`python -m accord.pipeline [--fields]`: print the default pipeline's field -> component -> module
map (builds, and so checks, the chain: exits non-zero with the reason where it is inconsistent)."""
import sys

from .default import default_pipeline
from .registry import ContractError


def main(argv: list[str]) -> int:
    try:
        pipe = default_pipeline()
    except ContractError as err:
        print(f"pipeline: {err}", file=sys.stderr)
        return 1
    if "--fields" in argv or not argv:
        print(pipe.field_map())
    else:
        print("usage: python -m accord.pipeline [--fields]", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
