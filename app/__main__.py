"""`python -m app` is the same as the `kartiseret` console script."""

from app.cli import main

raise SystemExit(main())
