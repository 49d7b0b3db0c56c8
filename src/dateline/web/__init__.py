"""The analyst's desk: a web app and JSON API over the store (``pip install 'dateline[web]'``).

Routes are thin: :mod:`dateline.web.views` builds each page's data from the store and the analysis
modules, :mod:`dateline.web.render` turns annotations into escaped HTML and plots into SVG, and
:mod:`dateline.web.app` maps URLs to views. Every page has a JSON twin.
"""
