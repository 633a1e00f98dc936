from textual.widgets._footer import FooterKey

from lossmon.app.widgets.keybar import KeyBar, key_width, keys_that_fit

from ..conftest import make_app, until, wait_loaded


def _key(key, description, action):
    return FooterKey(key, key, description, action)


def test_narrow_keeps_the_most_useful_keys_whole_in_their_order():
    keys = [_key("s", "smooth", "smoothing"), _key("l", "log", "log_scale"), _key("p", "pause", "pause"),
            _key("a", "ack", "acknowledge"), _key("?", "help", "help"), _key("q", "quit", "quit")]
    assert key_width(keys[0]) == len("s smooth") + 1
    shown = keys_that_fit(keys, 20)
    assert [k.action for k in shown] == ["acknowledge", "help", "quit"]  # 6 + 7 + 7 = 20
    assert keys_that_fit(keys, 200) == keys


def _footer_keys(app):
    bar = app.query_one(KeyBar)
    return [key for key in bar.query(FooterKey)], bar


async def test_at_fifty_columns_the_keys_and_the_palette_hint_do_not_overlap(nan_log, tick_dir):
    app = make_app(nan_log)
    async with app.run_test(size=(50, 30)) as pilot:
        await wait_loaded(app, pilot)
        await until(lambda: any(k.has_class("-command-palette") for k in _footer_keys(app)[0]), "the key bar", pilot=pilot)
        keys, bar = _footer_keys(app)
        palette = [k for k in keys if k.has_class("-command-palette")]
        others = [k for k in keys if k not in palette]
        assert palette and {"help", "quit", "acknowledge"} <= {k.action for k in others}
        right = max(k.region.right for k in others)
        assert right <= palette[0].region.x  # nothing runs under the hint
        assert palette[0].region.right <= 50
        await pilot.resize_terminal(120, 40)
        wide = {"smoothing", "log_scale", "window", "x_axis", "metrics", "pause", "acknowledge", "help", "quit"}
        await until(lambda: wide <= {k.action for k in _footer_keys(app)[0]}, "the wide key bar", pilot=pilot)
        keys, _ = _footer_keys(app)
        assert {"smoothing", "log_scale", "window", "x_axis", "metrics", "pause", "acknowledge", "help", "quit"} <= {
            k.action for k in keys
        }
