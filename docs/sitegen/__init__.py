"""The page generator's parts; ``docs/gen_pages.py`` puts them together."""
