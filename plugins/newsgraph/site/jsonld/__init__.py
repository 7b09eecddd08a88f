"""schema.org JSON-LD for every page: one ``@graph`` of flat nodes linked by ``@id`` (Yoast design).

Every page carries every node it refers to; ``@id``s are stable across pages and builds:

=====================  ===============================================
``{site}/#website``     WebSite
``{site}/#organization`` publisher Organization (``{site}/#logo`` its ImageObject)
``{site}/#/schema/<key>``  an entity (``person/jeff-sessions``; the registry key)
``{site}/#/schema/author/<slug>``  an article author
``{page}``              the WebPage / CollectionPage / ProfilePage (canonical URL)
``{page}#article``      the NewsArticle; ``{page}#primaryimage`` its image
``{page}#/schema/quotation/<n>``  quote ``n`` of the article (``n`` as in ``#quote-<n>``)
``{page}#breadcrumb``, ``{page}#itemlist``
=====================  ===============================================

Five modules, data flowing one way (no Pelican import: Pelican objects are read by attribute):

- :mod:`.read` -- Pelican objects (template context, articles, authors, registry identities) into
  the small view dataclasses of :mod:`.views`;
- :mod:`.graph` -- pure builders over the views (``article_graph``, ``speaker_graph``,
  ``collection_graph``, ``webpage_graph``);
- :mod:`.embed` -- the graph serialised safely into the page's ``<script>``;
- :mod:`.page` -- which page a template context is, and its document: ``render_for_context``
  (the Jinja global ``newsgraph_jsonld``) and ``ensure_in_file`` (for themes that do not call it).

Only what a page shows is marked up: an article's quotes with a speaker, its entities, authors,
tags; a speaker page's quotes on that page; the articles or speakers a listing page lists.

Settings: ``NEWSGRAPH_JSONLD`` (False/"off": none anywhere; metadata ``jsonld: off``: none on
that page), and those :mod:`.read` lists.
"""
