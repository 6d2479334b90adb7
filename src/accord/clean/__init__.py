"""Cleaning: the article separated from scraping noise, and its title, outlet and date.

One module per decision (the stage `accord.stages.clean` runs them in order):

* `lines`: the line model (offsets, lexicon keys, word count) and line features (script counts,
  headline shape);
* `lexicon`: every family's boilerplate lists as one set of patterns;
* `boilerplate`: which lines are the article (`Article.body`), by rules on each line;
* `title`: `Article.title` and `title_span`;
* `outlet`: `Article.outlet`: candidates from credits, datelines, bracketed agency credits,
  bylines, copyright lines and the site's name, scored by where they stand; `outlet_names`: the
  reviewed list of outlets and agencies (`accord/data/outlets.tsv`) that says which are outlets;
* `published`: `Article.published` and `published_span`: the one place the publication date is
  decided (stamp lines and stamp prefixes are recognised there too).
"""
