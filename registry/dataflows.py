"""`dataflows`: Ingest, clean, resolve films, publish, enrich."""

from __future__ import annotations

from app.core.jobs import JobSpec, RetryPolicy
from registry.catalogue import Group

DATAFLOW_RETRY = RetryPolicy(max_attempts=3, base_delay_s=2.0, max_delay_s=20.0)

JOBS: tuple = (
    JobSpec(
        "clean",
        "dataflows",
        "dataflows.clean:clean_job",
        title="Clean raw rows",
        description="Validate raw rows past the watermark: quarantine bad ones, clean values, register title variants.",
        retry=DATAFLOW_RETRY,
        default_eta_s=20.0,
    ),
    JobSpec(
        "identity",
        "dataflows",
        "dataflows.resolve:identity_job",
        title="Film identity",
        description="Give every new title variant its film, across chains and cinematheques (offline).",
        retry=DATAFLOW_RETRY,
        default_eta_s=10.0,
        depends_on=("clean",),
    ),
    JobSpec(
        "publish",
        "dataflows",
        "dataflows.publish:publish_job",
        title="Publish",
        description="Per cinema, the newest good scrape becomes the published showtimes / coming soon; movies follow.",
        retry=DATAFLOW_RETRY,
        default_eta_s=20.0,
        depends_on=("clean", "identity"),
    ),
    JobSpec(
        "enrich",
        "dataflows",
        "dataflows.enrich.job:run",
        title="TMDB enrichment",
        description="Match films to TMDB (cached, scored, explained); unsure ones go to the review queue.",
        retry=RetryPolicy(max_attempts=2, base_delay_s=20.0, max_delay_s=60.0),
        default_eta_s=60.0,
        depends_on=("identity",),
    ),
    JobSpec(
        "quality_report",
        "dataflows",
        "dataflows.quality:quality_job",
        title="Data-quality report",
        description="This run's rows in, quarantined, dropped, merged, films, published and flagged, in the summary.",
        retry=RetryPolicy(max_attempts=1),
        default_eta_s=1.0,
    ),
)

GROUP = Group(
    name="dataflows",
    title="Dataflows",
    parallel=False,
    description="Ingest, clean, resolve films, publish, enrich.",
    jobs=JOBS,
)
