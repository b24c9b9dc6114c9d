"""The Qt desk and the command line. The only layer that knows about PySide6 (loaded lazily, so
the headless command line starts fast and works on a machine without a screen)."""
