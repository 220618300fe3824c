"""The Scrapy project: spiders built from source declarations, and the WARC archive they feed."""
