"""Terminal rendering: functions that build rich renderables, and the console they print on.

Renderers never print and never interpolate content into markup strings: they build
:class:`rich.text.Text` from :func:`studykit.ui.text.literal`, so a concept that contains
``[bold]`` or an escape code shows those characters instead of obeying them.
"""
