//! Throughput of `extract` on a news page generated here: a head with scripts and
//! JSON-LD, navigation, an article with figures and an ad slot, related stories,
//! comments and a footer, about 150 KB like a real page.

use std::hint::black_box;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use newsmill_html::{HtmlOptions, extract};

fn page() -> String {
    let mut html = String::from(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>Port authority expects record cargo year | The Valmora Courier</title>\
         <meta property=\"og:title\" content=\"Port authority expects record cargo year\">\
         <meta property=\"article:published_time\" content=\"2023-08-14T06:30:00Z\">\
         <script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\
         \"Port authority expects record cargo year\",\"author\":{\"name\":\"Ana Lima\"}}</script>",
    );
    for i in 0..40 {
        html.push_str(&format!(
            "<script>window.cfg{i} = {{\"slot\": \"div-gpt-ad-{i}\", \"sizes\": [[300, 250], [728, 90]], \
             \"targeting\": {{\"section\": \"business\", \"tags\": [\"port\", \"cargo\"]}}}};</script>\
             <link rel=\"preload\" href=\"/static/chunk-{i}.js\" as=\"script\">"
        ));
    }
    html.push_str(
        "<style>.story-body p{margin:0 0 1em}.ad{min-height:250px}</style></head>\
         <body class=\"article-page\"><div class=\"cookie-banner\">We use cookies to improve \
         your experience. <button>Accept</button></div><header class=\"site-header\">\
         <nav class=\"main-nav\"><ul>",
    );
    for section in [
        "News", "Business", "Sport", "Culture", "Opinion", "Travel", "Science",
    ] {
        html.push_str(&format!(
            "<li class=\"nav-item\"><a class=\"nav-link\" href=\"/{}\">{section}</a></li>",
            section.to_lowercase()
        ));
    }
    html.push_str(
        "</ul></nav></header><main><article class=\"story\"><h1>Port authority expects record \
         cargo year</h1><div class=\"byline\">By <a rel=\"author\" href=\"/ana\">Ana Lima</a></div>\
         <time datetime=\"2023-08-14\">14 August 2023</time><div class=\"story-body\">",
    );
    for i in 0..60 {
        html.push_str(&format!(
            "<p>The port of Valmora handled nearly {} containers in the period, the authority said \
             on Monday, as shipping lines moved routes away from congested hubs &mdash; a shift \
             that officials expect to last &ldquo;well into next year&rdquo;. <a href=\"/s/{i}\">\
             Earlier reporting</a> showed volumes up {}% on the year.</p>",
            1_000 + i * 37,
            i % 17
        ));
        if i % 8 == 3 {
            html.push_str(&format!(
                "<figure><img src=\"/img/{i}.jpg\" srcset=\"/img/{i}-2x.jpg 2x\" alt=\"Cranes\">\
                 <figcaption>Cranes at the eastern terminal. Photo: Jonas Berg</figcaption></figure>\
                 <div class=\"ad ad-slot\" id=\"div-gpt-ad-{i}\" data-sizes=\"300x250\">Advertisement</div>"
            ));
        }
    }
    html.push_str("</div></article><aside class=\"related-stories\"><h3>Related</h3><ul>");
    for i in 0..30 {
        html.push_str(&format!(
            "<li class=\"card\"><a href=\"/story/{i}\"><img src=\"/t/{i}.jpg\" alt=\"\">\
             <span class=\"headline\">Other story number {i} about shipping and trade</span></a>\
             <p class=\"summary\">A short summary of another story, written to tempt a click.</p></li>"
        ));
    }
    html.push_str("</ul></aside><section class=\"comments\"><h3>Comments</h3><ol>");
    for i in 0..40 {
        html.push_str(&format!(
            "<li class=\"comment\"><div class=\"comment-author\"><a href=\"/u/{i}\">reader{i}</a>\
             </div><div class=\"comment-body\"><p>I live near the port and the lorries have doubled \
             since spring, comment number {i}.</p></div><a class=\"reply\" href=\"#\">Reply</a></li>"
        ));
    }
    html.push_str(
        "</ol></section></main><footer class=\"site-footer\"><p>&copy; 2023 The Valmora Courier. \
         All rights reserved.</p></footer></body></html>",
    );
    html
}

fn bench(c: &mut Criterion) {
    let html = page();
    let options = HtmlOptions::default();
    let mut group = c.benchmark_group("html/extract");
    group.throughput(Throughput::Bytes(html.len() as u64));
    group.bench_function("news_page", |b| {
        b.iter_batched(
            || html.as_str(),
            |input| black_box(extract(black_box(input), &options)),
            BatchSize::SmallInput,
        )
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
