"""Everything TEAM Desktop knows how to do, without Qt."""
