"""news.belgium.be (nl, RSS): federal press releases."""

from tests.sourcecheck import check_source, measures_in


def test_feed_articles_and_documents():
    documents = check_source("be_news_belgium_nl")
    assert ("be", "deepseek", "restrictive") in measures_in(documents)
