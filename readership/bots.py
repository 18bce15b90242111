"""Who is not a reader: crawlers, link previews, monitors and scripted clients, by user agent.

The one list for article views (readership) and banner impressions and clicks (ads).
Keep it here, one pattern a line; search engines that run JavaScript (Googlebot, Yeti,
Bingbot) would otherwise send the beacons like a browser.
"""

import re

BOT_PATTERNS = [
    # Generic words crawlers put in their user agents
    r"(?<!cu)bot\b",  # not the CUBOT phones
    r"bot/",
    r"crawl",
    r"spider",
    r"slurp",
    r"scrap",
    r"fetch",
    r"archiver",
    r"monitor",
    r"checker",
    r"preview",
    r"validator",
    # Search engines (Korean ones first)
    r"yeti",  # Naver
    r"daumoa",  # Daum's crawlers: Daumoa, Daum/4.1; not "DaumApps", the Daum app's browser
    r"\bdaum/\d",
    r"\+https?://",  # "+http://…": the contact address crawlers put in their user agent
    r"googlebot",
    r"google-inspectiontool",
    r"googleother",
    r"adsbot-google",
    r"mediapartners-google",
    r"apis-google",
    r"feedfetcher-google",
    r"bingbot",
    r"bingpreview",
    r"msnbot",
    r"yandex",
    r"baiduspider",
    r"duckduckbot",
    r"applebot",
    r"petalbot",
    r"seznambot",
    r"sogou",
    # Link previews of messengers and social networks
    r"kakaotalk-scrap",
    r"facebookexternalhit",
    r"facebookcatalog",
    r"twitterbot",
    r"slackbot",
    r"discordbot",
    r"telegrambot",
    r"whatsapp",
    r"linkedinbot",
    r"embedly",
    r"skypeuripreview",
    # SEO tools and AI crawlers
    r"ahrefs",
    r"semrush",
    r"mj12bot",
    r"dotbot",
    r"rogerbot",
    r"screaming frog",
    r"gptbot",
    r"chatgpt",  # ChatGPT-User and other OpenAI agents
    r"claudebot",
    r"anthropic",
    r"ccbot",
    r"perplexitybot",
    r"bytespider",
    r"amazonbot",
    # Headless browsers and automation
    r"headless",
    r"phantomjs",
    r"puppeteer",
    r"playwright",
    r"selenium",
    r"webdriver",
    r"lighthouse",
    r"pagespeed",
    r"pingdom",
    r"uptimerobot",
    r"statuscake",
    r"site24x7",
    # HTTP libraries and command-line clients
    r"^curl",
    r"\bcurl/",
    r"wget",
    r"python",  # python-requests, python-urllib3, python-httpx, Python/3.12 aiohttp
    r"aiohttp",
    r"httpie",
    r"go-http",
    r"okhttp",
    r"java/",
    r"httpclient",  # Apache-HttpClient, Jakarta Commons-HttpClient
    r"libwww",
    r"node-fetch",
    r"axios",
    r"undici",
    r"postman",
    r"insomnia",
    r"scrapy",
    r"guzzle",
]

BOT_USER_AGENT = re.compile("|".join(f"(?:{pattern})" for pattern in BOT_PATTERNS), re.IGNORECASE)


def is_bot(user_agent):
    """True for crawlers and scripted clients; an empty user agent is never a reader."""
    user_agent = (user_agent or "").strip()
    return not user_agent or bool(BOT_USER_AGENT.search(user_agent))
