"""Interfaces: the command line (`cli`), the Gradio web chat (`ui`) and its HTML (`ui_render`).
Nothing imports them but `app.py` and the `danvan-qa` entry point."""
