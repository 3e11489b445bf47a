"""A real dataflow process that freezes inside a transaction (waiting to be SIGKILLed by the test).

Usage: python -m tests.dataflows.crash_driver DATA_DIR DB_URL MARKER STAGE
STAGE is `publish` (freeze in the 2nd published unit) or `clean` (freeze in the 2nd batch). The
marker file appears once the process is frozen with its transaction open.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from app.core.db import database, open_database
from app.core.settings import Settings
from dataflows.base import QuietReporter, batch_size
from dataflows.clean import run_clean
from dataflows.publish import run_publish
from dataflows.resolve import run_identity
from registry.schema import load_models


class FreezeInSecondTransaction(QuietReporter):
    def __init__(self, marker: Path) -> None:
        super().__init__()
        self.marker = marker
        self.inside = 0

    def check_cancelled(self) -> None:
        if database.obj.transaction_depth() == 0:
            return
        self.inside += 1
        if self.inside == 2:
            self.marker.write_text("frozen")
            threading.Event().wait()  # until killed


def main() -> None:
    data_dir, url, marker, stage = sys.argv[1:5]
    settings = Settings(mode="testing", data_dir=Path(data_dir), database_url=url or None)
    load_models()
    open_database(settings)
    size = batch_size(settings)
    freezer = FreezeInSecondTransaction(Path(marker))
    if stage == "clean":
        run_clean(0, size, freezer)
        return
    run_clean(0, size, QuietReporter())
    run_identity(0, QuietReporter())
    run_publish(0, size, freezer)


if __name__ == "__main__":
    main()
