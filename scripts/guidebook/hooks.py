"""MkDocs hooks: thin wrappers; the work is in guidebook.site_build and the stage modules."""
from mkdocs.plugins import event_priority

from guidebook import site_build


@event_priority(100)
def on_config(config):
    return site_build.configure(config)


def on_page_markdown(markdown, page, config, files):
    return site_build.page_markdown(markdown, page, config, files)


def on_page_content(html, page, config, files):
    return site_build.page_content(html, page, config, files)


def on_env(env, config, files):
    site_build.theme_env(env, config)
    return env


def on_post_page(output, page, config):
    return site_build.post_page(output, page, config)


@event_priority(50)
def on_post_build(config):
    site_build.post_build(config)
