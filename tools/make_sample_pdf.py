"""Generate the sample corpus's PDF report (a research note written for watchfloor) with matplotlib.

Run from the checkout: ``.venv/bin/python tools/make_sample_pdf.py``. The output is committed; rerun only
when the text below changes. Fonts are embedded as TrueType (fonttype 42) so that PDF readers such as
pypdf can extract the text, and the creation date is fixed so that reruns give the same bytes.
"""

from __future__ import annotations

import textwrap
from datetime import UTC, datetime
from pathlib import Path

import matplotlib

matplotlib.use("pdf")

import matplotlib.pyplot as plt
from matplotlib.backends.backend_pdf import PdfPages

OUTPUT = (
    Path(__file__).resolve().parents[1]
    / "src/watchfloor/data/sample/documents/2023-09-05-northbridge-osint-lab-alabuga-timeline.pdf"
)

TITLE = "Research note: the Alabuga drone site in dated claims"
AUTHOR = "Northbridge OSINT Lab"
PUBLISHED = datetime(2023, 9, 5, 9, 0, tzinfo=UTC)

#: (heading or None, paragraph) pairs; paragraphs are wrapped to the page width.
SECTIONS: list[tuple[str | None, str]] = [
    (
        None,
        "This note lists what public sources have said about the drone factory in the Alabuga Special "
        "Economic Zone near Yelabuga, in the Republic of Tatarstan, with the date of each claim and who "
        "made it. It was published on 5 September 2023.",
    ),
    (
        "Timeline",
        "January 2023: local photos and videos indicate that Albatross began drone production at "
        "its site in the zone.",
    ),
    (
        None,
        "April 2023: the first job posting asking for a Farsi-speaking technical translator appeared, "
        "according to research by Airwars.",
    ),
    (
        None,
        "9 June 2023: the White House said that Iran was supplying materials for a drone factory at "
        "Alabuga that could be fully operational early in 2024.",
    ),
    (
        None,
        "17 July 2023: Iran's foreign ministry spokesperson Nasser Kanaani denied that Iran had "
        "supplied weapons for the war and called the allegations politically motivated.",
    ),
    (
        None,
        "18 August 2023: the Financial Times, citing research by Airwars, reported that vacancies at "
        "the site had sought Farsi interpreters since April.",
    ),
    (
        "Assessment",
        "We assess that it is likely that Iranian specialists are working at the site. It is very unlikely "
        "that the plant makes only agricultural drones. There is a roughly even chance that serial "
        "production of Geran-2 drones, the Russian name for the Iranian Shahed-136, begins at Alabuga "
        "before the end of 2023.",
    ),
    (
        "Sources",
        "Airwars research on job postings (August 2023); Financial Times reporting (August 2023); White "
        "House briefing (June 2023); Iranian foreign ministry briefing (July 2023); posts by residents "
        "of Yelabuga on Russian social media (January to March 2023).",
    ),
]

WRAP_CHARS = 88
LINE_STEP = 0.021


def render(path: Path) -> None:
    """Write the research note to ``path`` as a one-page A4 PDF with extractable text."""
    plt.rcParams.update({"pdf.fonttype": 42, "font.family": "DejaVu Sans"})
    figure = plt.figure(figsize=(8.27, 11.69))
    y = 0.94
    figure.text(0.08, y, TITLE, fontsize=14, weight="bold")
    y -= 0.03
    figure.text(0.08, y, f"{AUTHOR}, {PUBLISHED:%d %B %Y}", fontsize=10, style="italic")
    y -= 0.04
    for heading, paragraph in SECTIONS:
        if heading:
            y -= 0.01
            figure.text(0.08, y, heading, fontsize=11, weight="bold")
            y -= LINE_STEP * 1.3
        for line in textwrap.wrap(paragraph, WRAP_CHARS):
            figure.text(0.08, y, line, fontsize=10)
            y -= LINE_STEP
        y -= LINE_STEP * 0.5
    metadata = {
        "Title": TITLE,
        "Author": AUTHOR,
        "Subject": "Alabuga Special Economic Zone, Yelabuga, Albatross, Shahed-136 / Geran-2",
        "Keywords": "kind=report; lang=en; publisher=Northbridge OSINT Lab",
        "Creator": "watchfloor tools/make_sample_pdf.py",
        "CreationDate": PUBLISHED,
    }
    with PdfPages(path, metadata=metadata) as pdf:
        pdf.savefig(figure)
    plt.close(figure)


if __name__ == "__main__":
    render(OUTPUT)
    print(OUTPUT)
