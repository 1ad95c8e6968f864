import pytest
from copydesk.public.tests.test_browser import AXE_RUN, OVERFLOWING
pytestmark = pytest.mark.browser

def test_probe(open_page, newsroom, axe_script):
    page = open_page("/", width=375)
    page.evaluate("""() => { const p = document.createElement('p'); p.textContent = 'faint'; p.style.color = '#ccc';
      document.querySelector('main').append(p);
      const w = document.createElement('div'); w.className='wide'; w.style.width='500px'; w.textContent='x'; document.querySelector('main').append(w); }""")
    page.add_script_tag(path=str(axe_script))
    print(page.evaluate(AXE_RUN), page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]"), page.evaluate(OVERFLOWING))
