"""Forms compiled from ``zhucun_desktop/ui/*.ui`` by ``tools/build_ui.py``; do not edit by hand."""
