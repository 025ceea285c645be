"""Screenshots of the window for docs/ and for checking the projector style by eye.

Run under a real X server at 1920x1080 (Xvfb will do), with private settings:

    Xvfb :15 -screen 0 1920x1080x24 &
    DISPLAY=:15 QT_QPA_PLATFORM=xcb python scripts/screenshots.py ARTICLE OUTDIR \
        [--scene window|presentation|who-speaks|quiz] [--palette light|dark|colourblind] \
        [--steps N] [--name NAME]

It opens ARTICLE, waits for its analysis, sets the scene up, grabs the whole screen to
OUTDIR/NAME.png and quits. Greyscale and simulated deuteranopia copies are made with
ImageMagick (see docs/README section "Projector style"):

    convert shot.png -colorspace Gray shot-grey.png
    convert shot.png -color-matrix "0.367322 0.860646 -0.227968 0.280085 0.672501 0.047413
        -0.011820 0.042940 0.968881" shot-deuteranopia.png   # Machado et al. 2009, severity 1
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article")
    parser.add_argument("outdir")
    parser.add_argument("--scene", default="window",
                        choices=("window", "presentation", "who-speaks", "quiz", "projector",
                                 "hover"))
    parser.add_argument("--palette", default="light")
    parser.add_argument("--steps", type=int, default=0, help="presentation steps to take")
    parser.add_argument("--name", default=None)
    parser.add_argument("--source", default=None, help="select the source of this name")
    parser.add_argument("--twice", action="store_true",
                        help="enter presentation mode, leave, and enter again")
    args = parser.parse_args(argv)

    from PySide6.QtCore import QTimer

    from reader.ui.analysis_worker import AnalyzerHolder
    from reader.ui.app import create_application
    from reader.ui.main_window import MainWindow
    from reader.ui.settings import Settings

    app = create_application()
    out = Path(args.outdir)
    out.mkdir(parents=True, exist_ok=True)
    name = args.name or f"{args.scene}-{args.palette}"
    settings = Settings(out / ".screenshot-settings.ini")
    window = MainWindow(AnalyzerHolder(), settings)
    window.set_palette_choice(args.palette)
    window.resize(1600, 950)
    window.show()

    def grab() -> None:
        screen = app.primaryScreen()
        screen.grabWindow(0).save(str(out / f"{name}.png"))
        print(out / f"{name}.png")
        app.exit(0)

    def scene() -> None:
        # No window manager under Xvfb: fill the screen by hand.
        window.setGeometry(app.primaryScreen().availableGeometry())
        if args.scene in ("presentation",):
            if args.twice:
                window.actions["presentation"].trigger()
                window.actions["presentation"].trigger()
            window.actions["presentation"].trigger()
            for _ in range(args.steps):
                window.presentation.step(True)
        elif args.scene == "projector":
            window.set_projector_style(True)
            spans = window.index.spans
            window.view.scroll_to_offset(spans[min(args.steps, len(spans) - 1)].start if args.steps else 0)
        elif args.scene == "who-speaks":
            window.show_who_speaks()
            dialog = window.who_speaks_dialog
            if args.steps:
                dialog.set_full_screen(True)
            else:
                dialog.resize(1200, 900)
        elif args.scene == "quiz":
            window.actions["quiz"].trigger()
            window.quiz_mode.bar.source_box.showPopup()
        elif args.scene == "hover":
            from PySide6.QtGui import QTextCursor
            from PySide6.QtWidgets import QToolTip

            from reader.ui.span_card import span_card_html

            span = window.index.spans[min(args.steps, len(window.index.spans) - 1)]
            view = window.view
            view.center_on(span.start)
            cursor = QTextCursor(view.document())
            cursor.setPosition(view.positions.to_qt(span.start))
            at = view.viewport().mapToGlobal(view.cursorRect(cursor).bottomRight())
            QTimer.singleShot(500, lambda: QToolTip.showText(
                at, span_card_html(window.index, span), view.viewport()))
        if args.source:
            from reader.ui.sources_panel import ROW_SOURCE

            source = next(s for s in window.index.sources.values() if s.name == args.source)
            window.panel.select(ROW_SOURCE, source.id, notify=True)
        QTimer.singleShot(1500, grab)

    window.runner.finished.connect(lambda _a: QTimer.singleShot(300, scene))
    window.runner.failed.connect(lambda message, _m: (print(message), app.exit(1)))
    QTimer.singleShot(0, lambda: window.open_path(args.article))
    QTimer.singleShot(120_000, lambda: app.exit(2))
    code = app.exec()
    window.runner.cancel()
    window.runner.wait(10_000)
    return code


if __name__ == "__main__":
    sys.exit(main())
