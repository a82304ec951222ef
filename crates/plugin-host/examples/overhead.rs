//! Runs the dateline stage over generated articles, compiled in or loaded from a
//! plugin library, for instruction counts that the machine's load does not disturb:
//!
//! ```sh
//! cargo build --release -p newsmill-plugin-dateline   # the cdylib
//! cargo build --release -p newsmill-plugin-host --example overhead
//! valgrind --tool=callgrind target/release/examples/overhead none  # documents only
//! valgrind --tool=callgrind target/release/examples/overhead builtin
//! valgrind --tool=callgrind target/release/examples/overhead target/release/libnewsmill_plugin_dateline.so
//! ```

use newsmill_core::Document;

fn main() {
    let arg = std::env::args()
        .nth(1)
        .expect("`none`, `builtin` or a plugin path");
    let stage = if arg == "none" {
        None
    } else if arg == "builtin" {
        Some(
            newsmill_plugin_dateline::factory()
                .build(&toml::Table::new())
                .unwrap(),
        )
    } else {
        let mut factories = newsmill_plugin_host::load_plugin(arg.as_ref()).unwrap();
        Some(factories.remove(0).build(&toml::Table::new()).unwrap())
    };
    let line = "“We are running out of quay space,” said director Ana Ortiz, adding that ships now wait two days on average. Dockers say shifts have grown longer (see chart).\n\n";
    let (mut bytes, mut spans) = (0, 0);
    for i in 0..2000 {
        let text = format!(
            "Record cargo year {i}\n\nBy Lena Fisk and Tomas Berg\n\nMOSCOW (Reuters) — {}Cranes at dawn. (Photo by Ana Ortiz/AFP via Getty Images)\n\n{}Source - Official website of the harbour authority",
            line.repeat(3),
            line.repeat(3)
        );
        let mut doc = Document::from_text(i.to_string(), text);
        if let Some(stage) = &stage {
            stage.process(&mut doc).unwrap();
        }
        bytes += doc.text().len();
        spans += doc.layer("datelines").map_or(0, <[_]>::len);
    }
    println!("{bytes} bytes, {spans} spans");
}
