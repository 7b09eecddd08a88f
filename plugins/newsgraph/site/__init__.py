"""The site layer: site-wide identities (``registry``), the result and registry caches, the
output manifest, JSON-LD, SEO tags, charts, quote anchors. Reads engine results; no Pelican
import (the adapter, ``pelican.plugins.newsgraph``, passes in what it needs from Pelican)."""
