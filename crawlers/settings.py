"""Scrapy settings shared by every crawl: polite, bounded, archiving before anything else."""

from bantracker import __version__

BOT_NAME = "bantracker"
SPIDER_LOADER_CLASS = "crawlers.spiderloader.SourceSpiderLoader"
USER_AGENT = (
    f"bantracker/{__version__} (+https://github.com/bantracker/bantracker; "
    "a public tracker of government bans on AI tools and apps)"
)

ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524, 408]
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 20 * 1024 * 1024
DOWNLOAD_WARNSIZE = 5 * 1024 * 1024
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
LOG_LEVEL = "INFO"
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
FEED_EXPORT_ENCODING = "utf-8"

# Order matters. process_response runs from high to low numbers: redirects (600) are resolved
# first, then the archive (595) stores the body exactly as received (still compressed, as WARC
# expects), then decompression (590), waits asked for by Retry-After (560) and retries (550).
# Replay answers requests last (960), so every other middleware still sees a normal response.
DOWNLOADER_MIDDLEWARES = {
    "crawlers.incremental.IncrementalMiddleware": 580,
    "crawlers.archive.WarcArchiveMiddleware": 595,
    "crawlers.politeness.RetryAfterMiddleware": 560,
    "crawlers.politeness.RedirectLoopMiddleware": 610,
    "crawlers.replay.WarcReplayMiddleware": 960,
}

# Conditional GET for feeds and listings, no second fetch of archived articles (off: --refetch).
BANTRACKER_INCREMENTAL = True

# Set per run by the CLI: where WARC files go, which archives to replay, what time it is.
BANTRACKER_ARCHIVE_DIR = None
BANTRACKER_REPLAY = []
BANTRACKER_RUN_ID = None
BANTRACKER_CLOCK = None
