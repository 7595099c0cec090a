"""The demo publication that `manage.py demo_content` creates: plain data, no logic.

Bodies use only tags that articles/sanitize.py allows. `days` is the publishing date
relative to today (negative: past, positive: scheduled, None: a draft). `image` names
two colours and a pattern for the generated hero illustration; colour names go into
the alt text, so keep them accurate to the hex values.
"""

from articles.models import Kind, Status
from corrections.models import Kind as NoteKind

SECTIONS = [
    {
        "name": "News",
        "slug": "news",
        "description": "Short, dated reports on changes to Claude, its apps and its API.",
        "order": 1,
    },
    {
        "name": "Explainers",
        "slug": "explainers",
        "description": (
            "The ideas behind Claude in plain language, each with an “In short” "
            "summary at the top."
        ),
        "order": 2,
    },
    {
        "name": "Guides",
        "slug": "guides",
        "description": "Step-by-step help for using Claude's apps and building on its API.",
        "order": 3,
    },
]

AUTHORS = [
    {
        "name": "Maya Okafor",
        "slug": "maya-okafor",
        "bio": (
            "Maya Okafor is a senior reporter at Claude News. She covers how people use "
            "Claude at work and at home, and the policies that shape it. She tests every "
            "feature she writes about."
        ),
        "profile_url": "",
        "color": "#1d4e89",
    },
    {
        "name": "Tomás Lindqvist",
        "slug": "tomas-lindqvist",
        "bio": (
            "Tomás Lindqvist writes our developer guides. He covers the Claude API, "
            "its SDKs and the practical side of building with language models."
        ),
        "profile_url": "https://example.com/tomas-lindqvist",
        "color": "#7a3b69",
    },
    {
        "name": "Priya Raman",
        "slug": "priya-raman",
        "bio": (
            "Priya Raman is the editor of Claude News. She looks after our standards "
            "and corrections, and writes about where information on Claude comes from."
        ),
        "profile_url": "",
        "color": "#2f6f4f",
    },
]

ARTICLES = [
    {
        "slug": "welcome-to-claude-news",
        "title": "Welcome to Claude News, an independent publication about Claude",
        "kind": Kind.NEWS,
        "section": "news",
        "authors": ["priya-raman", "maya-okafor", "tomas-lindqvist"],
        "tags": ["Editorial", "Anthropic"],
        "status": Status.PUBLISHED,
        "days": -21,
        "summary": (
            "Claude News is a new publication about Claude, the AI assistant made by "
            "Anthropic. We are independent of Anthropic; here is what we will cover "
            "and how."
        ),
        "meta_description": (
            "Claude News launches: independent news, explainers and guides about "
            "Claude, the AI assistant made by Anthropic."
        ),
        "image": (("navy", "#14213d"), ("amber", "#fca311"), "rings"),
        "caption": "Our first edition.",
        "body": """
<p>Claude News starts today. We report on Claude, the AI assistant made by Anthropic:
what it can do, what changes from one release to the next, and how people put it to
work.</p>
<p>We are an independent newsroom. We are not affiliated with Anthropic, and nothing we
publish is shown to the company before it goes live. When we rely on Anthropic's own
material, such as its documentation or announcements, we say so and link to it.</p>
<h2>What you will find here</h2>
<ul>
<li><strong>News</strong>: short, dated pieces on releases and changes that affect
users.</li>
<li><strong>Explainers</strong>: the ideas behind the product in plain language, each
with an “In short” summary at the top.</li>
<li><strong>Guides</strong>: step-by-step help for people using Claude's apps or
building on its API.</li>
</ul>
<p>When we get something wrong, we will correct it on the page and say what changed.</p>
""",
    },
    {
        "slug": "what-is-claude",
        "title": "What is Claude? A plain-language explainer",
        "kind": Kind.EXPLAINER,
        "section": "explainers",
        "authors": ["maya-okafor"],
        "tags": ["Getting started", "Anthropic", "Claude apps", "Models"],
        "status": Status.PUBLISHED,
        "days": -19,
        "summary": (
            "Claude is an AI assistant made by Anthropic. People use it through apps on "
            "the web, desktop and mobile, and developers reach the same models through "
            "an API. The models come in families, such as Opus, Sonnet and Haiku, that "
            "trade capability against speed and cost."
        ),
        "meta_description": (
            "A plain-language introduction to Claude: who makes it, where you can use "
            "it, and how its model families differ."
        ),
        "image": (("deep teal", "#0f4c5c"), ("coral", "#e76f51"), "circles"),
        "body": """
<h2>Who makes Claude</h2>
<p>Claude is developed by Anthropic, an AI company based in San Francisco that describes
itself as focused on AI safety and research. Claude is the assistant it offers to the
public and to businesses.</p>
<h2>Where you can use it</h2>
<p>There are several ways to reach Claude, and they share the same underlying models:</p>
<ul>
<li>in a web browser, at <a href="https://claude.ai/">claude.ai</a>;</li>
<li>in desktop apps for macOS and Windows;</li>
<li>in mobile apps for iOS and Android;</li>
<li>through the API, for developers who build Claude into their own software.</li>
</ul>
<p>Some features depend on the plan you are on. Anthropic's own pages list what each
plan includes, and they change often enough that we do not repeat them here.</p>
<h2>The models behind the assistant</h2>
<p>“Claude” is the name of the assistant and of the family of large language models
behind it. Anthropic releases the models in generations and in sizes: <em>Opus</em> is
the most capable, <em>Sonnet</em> balances quality with speed, and <em>Haiku</em> is the
fastest and least expensive. Version numbers change with each release, so we point to
<a href="https://docs.anthropic.com/">Anthropic's documentation</a> for the current list
rather than print one that would soon be out of date.</p>
<h2>What it does well, and where it falls short</h2>
<p>In our testing Claude is at its most useful for drafting and editing text,
summarising long documents, answering questions about material you give it, and
writing or explaining code. Like every large language model, it can also state
something wrong with confidence, so facts that matter need checking.</p>
<blockquote><p>Treat an answer from Claude the way you would treat a capable colleague's
first draft: useful, often right, and worth checking before it matters.</p></blockquote>
<h2>How it differs from a search engine</h2>
<p>A search engine points you to pages that exist. Claude writes a new answer from what
it learned in training and from what you put in the conversation. Where web search or
other tools are switched on, it can look things up, and it is worth asking it to show
its sources when it does.</p>
""",
    },
    {
        "slug": "first-claude-api-request",
        "title": "Your first Claude API request, step by step",
        "kind": Kind.GUIDE,
        "section": "guides",
        "authors": ["tomas-lindqvist", "priya-raman"],
        "tags": ["Claude API", "Getting started", "Developers"],
        "status": Status.PUBLISHED,
        "days": -17,
        "summary": (
            "To call Claude from your own code you need an API key, a model ID and a "
            "request to the Messages API. This guide sends a first request with curl "
            "and with Anthropic's Python SDK, and covers the mistakes that trip people "
            "up."
        ),
        "image": (("charcoal", "#22223b"), ("dusty mauve", "#9a8c98"), "grid"),
        "body": r"""
<h2>Before you start</h2>
<p>The API is separate from the Claude apps: a subscription to the apps does not include
API usage, which is billed by the token. You will need:</p>
<ol>
<li>an account in Anthropic's developer console, at
<a href="https://console.anthropic.com/">console.anthropic.com</a>, with billing set
up;</li>
<li>an API key, created in the console;</li>
<li>a model ID, taken from the models overview in the documentation.</li>
</ol>
<h2>Keep the key out of your code</h2>
<p>Anyone who has your key can spend your money. Store it in an environment variable,
not in a file you might commit. Anthropic's SDKs read <code>ANTHROPIC_API_KEY</code>
by default:</p>
<pre><code>export ANTHROPIC_API_KEY="paste-your-key-here"</code></pre>
<h2>A first request with curl</h2>
<p>The Messages API takes a list of messages and returns Claude's reply as JSON.
Replace <code>MODEL_ID</code> with a current model ID:</p>
<pre><code>curl https://api.anthropic.com/v1/messages \
  --header "x-api-key: $ANTHROPIC_API_KEY" \
  --header "anthropic-version: 2023-06-01" \
  --header "content-type: application/json" \
  --data '{
    "model": "MODEL_ID",
    "max_tokens": 1024,
    "messages": [
      {"role": "user", "content": "Explain a context window in two sentences."}
    ]
  }'</code></pre>
<p>The reply's <code>content</code> field is a list of blocks; for a plain question, the
first block holds the text.</p>
<h2>The same request in Python</h2>
<p>Install the SDK with <code>pip install anthropic</code>, then:</p>
<pre><code>import anthropic

client = anthropic.Anthropic()  # reads ANTHROPIC_API_KEY

message = client.messages.create(
    model="MODEL_ID",
    max_tokens=1024,
    messages=[{"role": "user", "content": "Explain a context window in two sentences."}],
)
print(message.content[0].text)</code></pre>
<h2>Mistakes that trip people up</h2>
<ul>
<li><strong>Authentication errors.</strong> The key goes in the <code>x-api-key</code>
header. Check that the environment variable is set in the shell you are using.</li>
<li><strong>A missing version header.</strong> Raw HTTP requests need
<code>anthropic-version</code>; the SDKs send it for you.</li>
<li><strong>No <code>max_tokens</code>.</strong> The Messages API requires it; it caps
the length of the reply.</li>
<li><strong>An old model ID.</strong> Models are retired over time. If a request that
used to work fails, check the ID against the documentation.</li>
</ul>
<h2>Where to go next</h2>
<p><a href="https://docs.anthropic.com/">Anthropic's documentation</a> covers streaming,
system prompts, tool use and the SDKs for other languages. Our guide to choosing a model
helps with the <code>MODEL_ID</code> question.</p>
""",
    },
    {
        "slug": "where-to-find-official-claude-news",
        "title": "Where to find official news about Claude",
        "kind": Kind.NEWS,
        "section": "news",
        "authors": ["priya-raman"],
        "tags": ["Anthropic", "Editorial", "Claude apps"],
        "status": Status.PUBLISHED,
        "days": -15,
        # Shows the "Updated" date: the status page was added the next day.
        "updated_days_later": 1,
        "image": (("forest green", "#2d6a4f"), ("pale mint", "#b7e4c7"), "stripes"),
        "body": """
<p>Claims about Claude spread quickly, and not all of them are right. When we check a
report, we start with the sources Anthropic itself maintains:</p>
<ul>
<li><a href="https://www.anthropic.com/news">Anthropic's newsroom</a>, for new models
and products;</li>
<li><a href="https://docs.anthropic.com/">the documentation</a>, including release notes
for the API and the apps;</li>
<li><a href="https://status.anthropic.com/">the status page</a>, for outages and
slowdowns.</li>
</ul>
<h2>What we do with unofficial reports</h2>
<p>Screenshots, leaks and social media posts can be a starting point. We do not report
them as fact until we can confirm them, and we say plainly when something is
unconfirmed.</p>
<p><em>Updated the day after publication to add the status page.</em></p>
""",
    },
    {
        "slug": "is-claude-secure",
        "title": "Is Claude secure? What to know before you share your data",
        "kind": Kind.EXPLAINER,
        "section": "explainers",
        "authors": ["maya-okafor", "priya-raman"],
        "tags": ["Security", "Privacy", "Safety", "Claude apps"],
        "status": Status.PUBLISHED,
        "days": -12,
        "summary": (
            "“Secure” covers several questions: who can see your conversations, how "
            "long they are kept, whether they are used for training, and how well your "
            "account is protected. Anthropic's policies answer the first three and can "
            "change, so read them directly; the last one is largely up to you."
        ),
        "meta_description": (
            "What “secure” means for an AI assistant, what Anthropic's policies cover, "
            "and the steps you can take yourself."
        ),
        "image": (("midnight blue", "#03045e"), ("sky blue", "#48cae4"), "blocks"),
        "caption": "Security is a set of questions, not a single switch.",
        "body": """
<h2>What “secure” means here</h2>
<p>Readers ask us whether Claude is secure as if it were one question. It is really
four:</p>
<ul>
<li><strong>Confidentiality</strong>: who, besides you, can see your conversations?</li>
<li><strong>Retention</strong>: how long are they kept, and can you delete them?</li>
<li><strong>Training</strong>: may they be used to improve future models?</li>
<li><strong>Your account</strong>: how hard is it for someone else to get in?</li>
</ul>
<h2>What Anthropic's policies cover</h2>
<p>The first three questions are answered by Anthropic's
<a href="https://www.anthropic.com/legal/privacy">privacy policy</a> and, for
businesses, its commercial terms. Those documents are the authority, not press coverage
(ours included). The answers differ between consumer plans, business plans and the API,
and the policies have been revised over time, so read the current version rather than a
summary from months ago.</p>
<h2>What stays on your side</h2>
<ol>
<li>Protect the account you sign in with: a strong, unique password and two-step
verification on your email go a long way.</li>
<li>Look through the privacy settings in the app and decide what you are comfortable
with.</li>
<li>Do not paste secrets: passwords, API keys, or other people's personal data.</li>
<li>At work, follow your organisation's rules on which tools may see which
information.</li>
</ol>
<blockquote><p>Our rule of thumb: if you would not paste it into an email to a stranger,
think twice before pasting it into any AI assistant.</p></blockquote>
<h2>Prompt injection, a newer kind of risk</h2>
<p>When an assistant reads web pages, documents or emails for you, text inside that
material can try to give it instructions of its own. This is called prompt injection,
and it is widely regarded as an open problem across the industry. Be more careful when
you let any assistant use tools that act on your behalf, such as sending messages or
changing files.</p>
<h2>So, is it secure?</h2>
<p>There is no yes-or-no answer for any online service. What you can do is read the
policy that applies to your plan, choose your settings on purpose, and keep the most
sensitive material out of the conversation.</p>
""",
    },
    {
        "slug": "choosing-a-claude-model",
        "title": "Opus, Sonnet or Haiku? How to choose a Claude model",
        "kind": Kind.GUIDE,
        "section": "guides",
        "authors": ["tomas-lindqvist"],
        "tags": ["Models", "Claude API", "Getting started"],
        "status": Status.PUBLISHED,
        "days": -10,
        "summary": (
            "Anthropic offers Claude models in families: Opus for the hardest work, "
            "Sonnet for everyday quality and speed, and Haiku for fast, low-cost tasks. "
            "Start with the smallest model that does your job well, test it on your own "
            "examples, and move up only when it falls short."
        ),
        "meta_description": (
            "A practical guide to choosing between Claude's Opus, Sonnet and Haiku "
            "models, with a comparison table and a simple way to test."
        ),
        "image": (("plum", "#5a189a"), ("hot pink", "#f72585"), "circles"),
        "body": """
<h2>The three families</h2>
<p>Each generation of Claude models comes in sizes. The names stay the same while the
version numbers move on, so this table describes the families rather than any one
release.</p>
<table>
<caption>Claude model families at a glance (our summary; check Anthropic's models
overview for current versions and prices)</caption>
<thead>
<tr><th scope="col">Family</th><th scope="col">Strengths</th>
<th scope="col">Trade-offs</th><th scope="col">Good for</th></tr>
</thead>
<tbody>
<tr><td>Opus</td><td>Most capable on complex reasoning and long, multi-step work</td>
<td>Slowest and most expensive per token</td>
<td>Hard analysis, difficult code, long agentic tasks</td></tr>
<tr><td>Sonnet</td><td>Strong quality at a moderate price and speed</td>
<td>Can fall short of Opus on the hardest problems</td>
<td>Everyday writing, coding and document work</td></tr>
<tr><td>Haiku</td><td>Fastest and least expensive</td>
<td>Less capable on nuanced or complex tasks</td>
<td>Classification, extraction, high-volume or real-time work</td></tr>
</tbody>
</table>
<h2>Start small, then move up</h2>
<ol>
<li>Write down what a good answer looks like for your task.</li>
<li>Try the smallest model that might do it.</li>
<li>Move up a family only where the results fall short.</li>
</ol>
<p>Smaller models answer faster and cost less, which matters most when you make many
calls or a person is waiting for the reply.</p>
<h2>Test on your own examples</h2>
<p>General benchmarks say little about your task. Collect twenty or thirty real inputs,
including awkward ones, and compare the models' answers side by side. Keep the set: it
tells you quickly whether a new model release helps.</p>
<h2>Cost and speed</h2>
<p>API pricing is per token, with separate rates for input and output, and it differs by
model. Anthropic's <a href="https://www.anthropic.com/pricing">pricing page</a> has the
current figures; we do not copy them here because they change.</p>
<h2>In the apps</h2>
<p>In Claude's apps you can usually choose a model from a menu in the chat. Which models
appear depends on your plan.</p>
""",
    },
    {
        "slug": "how-we-report-on-claude",
        "title": "How we report on Claude",
        "kind": Kind.NEWS,
        "section": "news",
        "authors": ["maya-okafor"],
        "tags": ["Editorial"],
        "status": Status.PUBLISHED,
        "days": -7,
        "summary": (
            "We test what we write about, link to primary sources and label anything "
            "we could not confirm. These are the standards our reporters follow."
        ),
        "image": None,
        "body": """
<p>Readers have asked how we decide what to publish. These are the standards every
piece on this site follows:</p>
<ul>
<li>We try features ourselves before we describe them, and say which app or model we
used.</li>
<li>We link to primary sources: Anthropic's documentation, announcements and
policies.</li>
<li>We do not publish quotes we cannot source, and we label unconfirmed reports as
unconfirmed.</li>
<li>We are independent of Anthropic and have no commercial relationship with it.</li>
</ul>
<p>When we make a mistake, we correct the article and add a note saying what
changed.</p>
""",
    },
    {
        "slug": "writing-clearer-prompts",
        "title": "Writing clearer prompts for Claude: a practical guide",
        "kind": Kind.GUIDE,
        "section": "guides",
        "authors": ["priya-raman", "tomas-lindqvist"],
        "tags": ["Prompting", "Getting started", "Claude apps"],
        "status": Status.PUBLISHED,
        "days": -4,
        "summary": (
            "Claude does its best work when you say what you want, why you want it and "
            "what a good answer looks like. Give it the material, show an example, ask "
            "for a format, then refine the prompt based on what comes back."
        ),
        "image": (("burnt orange", "#bc4b15"), ("cream", "#f4e1c1"), "stripes"),
        "body": """
<h2>Say what you want, and why</h2>
<p>Claude cannot read your mind. “Summarise this” leaves it guessing about length,
audience and purpose. “Summarise this report for a manager who has two minutes, and lead
with the decision she needs to make” does not.</p>
<h2>Give it the material</h2>
<p>Paste or attach the text you are asking about, and make clear where it starts and
ends. Anthropic's <a href="https://docs.anthropic.com/">prompting documentation</a>
suggests wrapping material in tags such as <code>&lt;document&gt;</code> and
<code>&lt;/document&gt;</code>, which also lets you refer to it by name.</p>
<h2>Show an example</h2>
<p>One good example often does more than a paragraph of description. A prompt we used
while testing:</p>
<blockquote><p>Summarise the customer email below in three bullet points for a support
agent. Lead with what the customer is asking for, and keep each bullet under twenty
words. For example: “Wants a refund for order 1042; the item arrived
damaged.”</p></blockquote>
<h2>Ask for a format</h2>
<ul>
<li>Name the shape: a table, a numbered list, a single paragraph, JSON.</li>
<li>Give a length: “three bullet points” beats “briefly”.</li>
<li>Say what to leave out, such as introductions or caveats you do not need.</li>
</ul>
<h2>Let it work through hard problems</h2>
<p>For multi-step questions, asking Claude to reason step by step before giving its
answer tends to help, and it shows you where the reasoning went wrong if it did.</p>
<h2>Iterate</h2>
<ol>
<li>Run the prompt on a few real inputs.</li>
<li>Note where the answers miss, and add the missing instruction or example.</li>
<li>Keep the prompts that work, and reuse them.</li>
</ol>
""",
    },
    {
        "slug": "what-is-a-context-window",
        "title": "What is a context window, and why does it matter?",
        "kind": Kind.EXPLAINER,
        "section": "explainers",
        "authors": ["maya-okafor"],
        "tags": ["Models", "Prompting", "Claude API"],
        "status": Status.PUBLISHED,
        "days": -2,
        "summary": (
            "A context window is how much text a model can consider at once: your "
            "messages, its replies and any files or instructions. It is measured in "
            "tokens, and when a conversation outgrows it, earlier material has to be "
            "dropped or summarised."
        ),
        "image": (("slate", "#34495e"), ("gold", "#f1c40f"), "rings"),
        "body": """
<h2>Tokens, not words</h2>
<p>Language models read text as <em>tokens</em>: chunks that are often a whole short word
and sometimes part of a longer one. Limits and prices are set in tokens, and the same
text can come to a different number of tokens with different models, so word counts are
only a rough guide.</p>
<h2>What counts against the window</h2>
<ul>
<li>instructions set by the app or by a developer (the system prompt);</li>
<li>every earlier message in the conversation, yours and Claude's;</li>
<li>documents, images and other files you attach;</li>
<li>the reply Claude is writing.</li>
</ul>
<h2>What happens when it fills up</h2>
<p>A model cannot take in more than its window holds. Apps deal with long conversations
in different ways, such as asking you to start a new chat or condensing older messages.
Either way, details from early in a long conversation may no longer be available in full.
Anthropic lists the window size of each model in its
<a href="https://docs.anthropic.com/">documentation</a>.</p>
<h2>Bigger is not always better</h2>
<p>A large window lets you work with long reports or codebases in one go. But every token
you send is processed and, on the API, paid for, and a focused prompt is often easier
for the model to get right than one buried in unrelated material.</p>
<h2>Practical tips</h2>
<ol>
<li>Start a new conversation when you change topic.</li>
<li>Attach the sections of a document that matter, not the whole archive.</li>
<li>For long projects, keep a short running summary and paste it into new chats.</li>
</ol>
""",
    },
    {
        "slug": "constitutional-ai-explained",
        "title": "Constitutional AI, explained",
        "kind": Kind.EXPLAINER,
        "section": "explainers",
        "authors": ["tomas-lindqvist", "maya-okafor"],
        "tags": ["Anthropic", "Safety", "Models"],
        "status": Status.PUBLISHED,
        "days": 3,
        "summary": (
            "Constitutional AI is Anthropic's name for a training approach in which a "
            "model is guided by a written set of principles, rather than only by people "
            "rating individual answers. Here is what that means, what it does not mean, "
            "and where to read the original research."
        ),
        "image": (("oxblood", "#6a040f"), ("saffron", "#ffba08"), "grid"),
        "body": """
<h2>Where the term comes from</h2>
<p>Anthropic introduced the term in a 2022 research paper,
<a href="https://arxiv.org/abs/2212.08073">“Constitutional AI: Harmlessness from AI
Feedback”</a>. The “constitution” is a list of principles written in plain language
that the model is trained to follow.</p>
<h2>How it works, roughly</h2>
<ol>
<li>The model drafts answers to a range of requests.</li>
<li>It critiques and revises its own drafts against principles from the
constitution.</li>
<li>The revised answers, and comparisons between answers judged against the principles
by a model, are used to train it further.</li>
</ol>
<p>The point is to rely less on people labelling large numbers of individual answers,
and to make the values the model is trained towards written down and open to
scrutiny.</p>
<h2>What it does not mean</h2>
<p>A constitution does not make a model follow rules mechanically, and it does not stop
it making mistakes. It shapes how the model tends to respond; it is not a filter that
checks every answer.</p>
<h2>Why it matters to users</h2>
<p>Many of Claude's habits, such as explaining why it declines a request, trace back to
how it was trained. Anthropic has published the constitution it uses for Claude, so you
can read the principles for yourself.</p>
<h2>Further reading</h2>
<p>The paper is long but readable; its introduction and figures give the gist. We will
cover how the approach has developed in a follow-up.</p>
""",
    },
    {
        "slug": "corrections-policy",
        "title": "Our corrections policy",
        "kind": Kind.NEWS,
        "section": "news",
        "authors": ["priya-raman"],
        "tags": ["Editorial"],
        "status": Status.DRAFT,
        "days": None,
        "summary": (
            "When we get something wrong, we fix it on the page and add a note saying "
            "what changed and when."
        ),
        "image": None,
        "body": """
<p>Mistakes happen. When we make one, we correct the article itself rather than
publishing a separate notice that readers may never see.</p>
<h2>What a correction looks like</h2>
<p>A note at the end of the article says what was wrong, what we changed and when. We do
not quietly rewrite published pieces.</p>
<p>To report an error, write to the editor. We read every message.</p>
""",
    },
]

FAQ_TOPICS = [
    {"name": "About Claude News", "slug": "about-claude-news", "order": 1},
    {"name": "Using Claude", "slug": "using-claude", "order": 2},
    {"name": "Privacy and security", "slug": "privacy-and-security", "order": 3},
]

# `articles` lists the articles that show the entry, in order; an entry may serve several.
FAQ_ENTRIES = [
    {
        "slug": "are-you-affiliated-with-anthropic",
        "topic": "about-claude-news",
        "order": 1,
        "question": "Is Claude News affiliated with Anthropic?",
        "answer": (
            "<p>No. Claude News is an independent publication. Anthropic does not "
            "fund, review or approve what we publish, and we link to Anthropic's own "
            "pages whenever we describe its products or policies.</p>"
        ),
        "articles": ["welcome-to-claude-news", "how-we-report-on-claude"],
    },
    {
        "slug": "how-do-i-report-a-mistake",
        "topic": "about-claude-news",
        "order": 2,
        "question": "How do I report a mistake in an article?",
        "answer": (
            "<p>Write to the editor with the article's address and what is wrong. "
            "We correct errors openly and date every correction.</p>"
        ),
        "articles": ["how-we-report-on-claude"],
    },
    {
        "slug": "opus-sonnet-haiku-difference",
        "topic": "using-claude",
        "order": 1,
        "question": "What is the difference between Opus, Sonnet and Haiku?",
        "answer": (
            "<p>They are families of Claude models that trade capability against speed "
            "and cost: <strong>Opus</strong> for the hardest work, <strong>Sonnet"
            "</strong> for everyday quality and speed, <strong>Haiku</strong> for fast, "
            "low-cost tasks. Anthropic's models overview lists the current versions.</p>"
        ),
        "articles": ["choosing-a-claude-model", "what-is-claude"],
    },
    {
        "slug": "does-the-api-need-a-subscription",
        "topic": "using-claude",
        "order": 2,
        "question": "Does a Claude app subscription include the API?",
        "answer": (
            "<p>No. The apps and the API are billed separately: API usage is paid by "
            "the token through Anthropic's developer console.</p>"
        ),
        "articles": ["first-claude-api-request", "choosing-a-claude-model"],
    },
    {
        "slug": "longer-than-the-context-window",
        "topic": "using-claude",
        "order": 3,
        "question": "What happens when a conversation outgrows the context window?",
        "answer": (
            "<p>Older material has to be left out, summarised or moved elsewhere. "
            "Starting a fresh conversation with a short summary often works better "
            "than pushing on.</p>"
        ),
        "articles": ["what-is-a-context-window"],
    },
    {
        "slug": "do-prompts-still-matter",
        "topic": "using-claude",
        "order": 4,
        "question": "Do I still need to write careful prompts?",
        "answer": (
            "<p>Less than before, but clarity still pays: say what you want, why, and "
            "what a good answer looks like. An example is worth a paragraph of "
            "instructions.</p>"
        ),
        "articles": ["writing-clearer-prompts"],
    },
    {
        "slug": "does-training-prevent-mistakes",
        "topic": "using-claude",
        "order": 5,
        "question": "Does a written set of principles mean Claude cannot get things wrong?",
        "answer": (
            "<p>No. Principles shape how a model is trained to respond; they do not "
            "make its answers correct. Check facts that matter against a primary "
            "source.</p>"
        ),
        "articles": ["constitutional-ai-explained"],
    },
    {
        "slug": "is-my-data-used-for-training",
        "topic": "privacy-and-security",
        "order": 1,
        "question": "Are my conversations used to train Claude?",
        "answer": (
            "<p>It depends on your plan and your settings, and the rules have changed "
            'over time. Read the current <a href="https://www.anthropic.com/legal/'
            'privacy">privacy policy</a> and check the privacy settings in your '
            "account rather than relying on a summary, ours included.</p>"
        ),
        "articles": ["is-claude-secure"],
    },
    {
        "slug": "should-i-paste-secrets",
        "topic": "privacy-and-security",
        "order": 2,
        "question": "Should I paste passwords or API keys into a chat?",
        "answer": (
            "<p>No. Treat a chat like an email: keep passwords, API keys and other "
            "people's personal data out of it. If a key leaks, revoke it in the "
            "console and make a new one.</p>"
        ),
        "articles": ["is-claude-secure", "first-claude-api-request"],
    },
    {
        "slug": "can-i-delete-conversations",
        "topic": "privacy-and-security",
        "order": 3,
        "question": "Can I delete my conversations?",
        "answer": (
            "<p>Yes, from the apps. How long deleted data is kept afterwards is set "
            "out in Anthropic's privacy policy.</p>"
        ),
        "articles": ["is-claude-secure"],
    },
    {
        # Unpublished on purpose: the demo shows that readers never see it.
        "slug": "next-release-rumours",
        "topic": "using-claude",
        "order": 9,
        "is_published": False,
        "question": "What is in the next release?",
        "answer": "<p>Draft: waiting for confirmation before we publish this.</p>",
        "articles": ["what-is-claude"],
    },
]

# "See also" links by article slug, in order. `to` is an article or section slug.
SEE_ALSO = {
    "is-claude-secure": [
        {"kind": "article", "to": "what-is-claude",
         "description": "Our pillar guide: what Claude is and how people use it."},
        {"kind": "external", "url": "https://www.anthropic.com/legal/privacy",
         "label": "Anthropic's privacy policy",
         "description": "The primary source for how conversations are handled."},
        {"kind": "news", "description": "Every change, as we report it."},
    ],
    "what-is-claude": [
        {"kind": "article", "to": "choosing-a-claude-model"},
        {"kind": "article", "to": "writing-clearer-prompts"},
        {"kind": "news"},
    ],
    "what-is-a-context-window": [
        {"kind": "article", "to": "what-is-claude",
         "description": "Start here if you are new to Claude."},
        {"kind": "article", "to": "writing-clearer-prompts"},
        {"kind": "news"},
    ],
    "constitutional-ai-explained": [
        {"kind": "article", "to": "what-is-claude"},
        {"kind": "news"},
    ],
    "first-claude-api-request": [
        {"kind": "article", "to": "choosing-a-claude-model",
         "description": "Which model ID to put in your request."},
        {"kind": "external", "url": "https://docs.anthropic.com/",
         "label": "Anthropic's API documentation"},
        {"kind": "news"},
    ],
    "choosing-a-claude-model": [
        {"kind": "article", "to": "first-claude-api-request"},
        {"kind": "article", "to": "what-is-a-context-window"},
        {"kind": "news"},
    ],
    "writing-clearer-prompts": [
        {"kind": "article", "to": "what-is-claude"},
        {"kind": "section", "to": "guides", "label": "More guides"},
        {"kind": "news"},
    ],
    "how-we-report-on-claude": [
        # Points at the draft corrections policy: hidden until it is published.
        {"kind": "article", "to": "corrections-policy"},
        {"kind": "article", "to": "welcome-to-claude-news"},
    ],
}  # fmt: skip

# Notes shown under an article's dates and on /corrections/. `days_later` counts from
# the article's publication; the correction's date is the article's "Updated" date.
NOTES = [
    {
        "article": "where-to-find-official-claude-news",
        "kind": NoteKind.CORRECTION,
        "days_later": 1,
        "text": (
            "An earlier version of this article left out Anthropic's status page, the "
            "first place to check reports of an outage. We have added it."
        ),
    },
    {
        "article": "what-is-a-context-window",
        "kind": NoteKind.CLARIFICATION,
        "days_later": 1,
        "text": (
            "We have made clearer that Claude's own replies count against the context "
            "window, not only what you send."
        ),
    },
]
