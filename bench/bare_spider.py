"""The baseline crawler: a bare Scrapy spider that fetches every page the feeds link and reads
its title, nothing else (no archive, no declarations). Run with `scrapy runspider`."""

import scrapy


class BareSpider(scrapy.Spider):
    name = "bare"

    async def start(self):
        for url in self.feeds.split(","):
            yield scrapy.Request(url, callback=self.parse_feed)

    def parse_feed(self, response):
        response.selector.remove_namespaces()
        for link in response.xpath("//item/link/text()").getall():
            yield scrapy.Request(link, callback=self.parse_page)

    def parse_page(self, response):
        yield {"title": response.css("title::text").get()}
