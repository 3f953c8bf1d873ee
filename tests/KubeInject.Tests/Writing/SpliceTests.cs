using KubeInject.Yaml;
using static KubeInject.Tests.Writing.WriterTestKit;

namespace KubeInject.Tests.Writing;

/// <summary>Changed documents: only the lines the change needs are different; comments, blank lines and layout stay.</summary>
public class SpliceTests
{
    private const string Deployment = """
        # web deployment
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web # the name
          labels:
            app: web

        spec:
          replicas: 2
          template:
            metadata:
              labels:
                app: web
            spec:
              # containers of the pod
              containers:
              - name: app   # main
                image: nginx
                ports:
                - containerPort: 80

              volumes: []

        """;

    public class Adding
    {
        [Fact]
        public void A_new_key_in_a_nested_mapping_is_one_new_block_after_its_sibling()
        {
            var docs = Read(Deployment);
            var meta = Map(docs[0].Root!, "spec", "template", "metadata");
            meta.GetOrAddMapping("annotations", "labels").Set("sidecar.istio.io/status", YScalar.String("{\"version\":\"1\"}"));
            string output = Write(docs);
            Assert.Equal(Deployment.Replace("""
                        app: web
                    spec:
                """, """
                        app: web
                      annotations:
                        sidecar.istio.io/status: '{"version":"1"}'
                    spec:
                """), output);
            AssertStable(output, docs);
        }

        [Fact]
        public void A_container_is_appended_after_the_last_one_and_the_blank_line_stays_with_the_next_key()
        {
            var docs = Read(Deployment);
            var containers = Seq(docs[0].Root!, "spec", "template", "spec", "containers");
            containers.Add(NewMap(("name", "istio-proxy"), ("image", "proxy:1.0"), ("args", new YSequence([YScalar.String("proxy"), YScalar.String("sidecar")]))));
            string output = Write(docs);
            Assert.Equal(Deployment.Replace("""
                        - containerPort: 80

                """, """
                        - containerPort: 80
                      - name: istio-proxy
                        image: proxy:1.0
                        args:
                        - proxy
                        - sidecar

                """), output);
            AssertStable(output, docs);
        }

        [Fact]
        public void An_empty_flow_mapping_that_gains_entries_becomes_a_block_and_keeps_its_comment()
        {
            const string input = """
                metadata:
                  name: web
                  annotations: {} # none yet
                spec:
                  containers: []

                """;
            var docs = Read(input);
            Map(docs[0].Root!, "metadata", "annotations").Set("sidecar.istio.io/inject", YScalar.String("true"));
            Seq(docs[0].Root!, "spec", "containers").Add(NewMap(("name", "istio-proxy")));
            string output = Write(docs);
            Assert.Equal("""
                metadata:
                  name: web
                  annotations: # none yet
                    sidecar.istio.io/inject: "true"
                spec:
                  containers:
                  - name: istio-proxy

                """, output);
            AssertStable(output, docs);
        }

        [Fact]
        public void New_sequences_follow_the_documents_indented_sequence_style()
        {
            const string input = """
                spec:
                  containers:
                    - name: app
                  volumes: []

                """;
            var docs = Read(input);
            Seq(docs[0].Root!, "spec", "volumes").Add(NewMap(("name", "istio-envoy"), ("emptyDir", NewMap(("medium", "Memory")))));
            Map(docs[0].Root!, "spec", "containers", 0).Set("args", new YSequence([YScalar.String("--x")]));
            string output = Write(docs);
            Assert.Equal("""
                spec:
                  containers:
                    - name: app
                      args:
                        - --x
                  volumes:
                    - name: istio-envoy
                      emptyDir:
                        medium: Memory

                """, output);
            AssertStable(output, docs);
        }

        [Fact]
        public void A_key_inserted_first_in_a_sequence_item_takes_the_dash_line()
        {
            const string input = "items:\n- name: app # main\n  image: x\n";
            var docs = Read(input);
            Map(docs[0].Root!, "items", 0).Insert(0, "port", YScalar.String("1"));
            string output = Write(docs);
            Assert.Equal("items:\n- port: \"1\"\n  name: app # main\n  image: x\n", output);
            AssertStable(output, docs);
        }

        [Fact]
        public void New_lines_in_a_CRLF_document_end_with_CRLF()
        {
            string input = "a: 1\r\nb:\r\n  c: 2 # two\r\n";
            var docs = Read(input);
            Map(docs[0].Root!, "b").Set("d", YScalar.String("multi\nline\n"));
            string output = Write(docs);
            Assert.Equal("a: 1\r\nb:\r\n  c: 2 # two\r\n  d: |\r\n    multi\r\n    line\r\n", output);
            AssertStable(output, docs);
        }

        [Fact]
        public void A_document_without_a_final_line_break_still_has_none()
        {
            var docs = Read("a: 1\nb: 2");
            ((YMapping)docs[0].Root!).Set("c", YScalar.Int(3));
            Assert.Equal("a: 1\nb: 2\nc: 3", Write(docs));
        }

        [Fact]
        public void A_key_after_a_block_scalar_does_not_swallow_its_blank_lines()
        {
            const string input = "data:\n  script: |\n    echo hi\n\n  other: x\n";
            var docs = Read(input);
            Map(docs[0].Root!, "data").SetAfter("new", YScalar.String("why"), "script");
            string output = Write(docs);
            Assert.Equal("data:\n  script: |\n    echo hi\n\n  new: why\nother: x\n".Replace("\nother", "\n  other"), output);
            AssertStable(output, docs);
        }

        [Fact]
        public void A_root_that_is_JSON_stays_JSON_in_its_layout()
        {
            var docs = Read("{\"a\": 1, \"b\": [true]}\n");
            ((YMapping)docs[0].Root!).Set("c", YScalar.String("x"));
            string output = Write(docs);
            Assert.Equal("{\"a\": 1, \"b\": [true], \"c\": \"x\"}\n", output);
            AssertStable(output, docs);
        }

        [Fact]
        public void Only_the_changed_document_of_a_stream_is_rewritten()
        {
            const string input = "# one\n---\na: 1 # keep\n---\n# two\nb: {x: 1}\n...\n";
            var docs = Read(input);
            Map(docs[1].Root!, "b").Set("z", YScalar.Int(2));
            string output = Write(docs);
            Assert.Equal("# one\n---\na: 1 # keep\n---\n# two\nb:\n  x: 1\n  z: 2\n...\n", output);
            AssertStable(output, docs);
        }
    }

    public class Changing
    {
        [Fact]
        public void A_replaced_scalar_keeps_its_key_and_its_comment()
        {
            var docs = Read(Deployment);
            Map(docs[0].Root!, "metadata").Set("name", YScalar.String("web2"));
            Map(docs[0].Root!, "spec").Set("replicas", YScalar.Int(3));
            string output = Write(docs);
            Assert.Equal(Deployment.Replace("name: web # the name", "name: web2 # the name").Replace("replicas: 2", "replicas: 3"), output);
            AssertStable(output, docs);
        }

        [Fact]
        public void A_quoted_replaced_scalar_keeps_the_comment_after_the_quotes()
        {
            var docs = Read("image: \"a # b\"  # pinned\nx: 1\n");
            ((YMapping)docs[0].Root!).Set("image", YScalar.String("c"));
            Assert.Equal("image: c  # pinned\nx: 1\n", Write(docs));
        }

        [Fact]
        public void A_block_collection_replaced_by_a_new_one_is_written_in_block_style()
        {
            var docs = Read("a:\n  old: 1\n  older: 2\nb: 3\n");
            ((YMapping)docs[0].Root!).Set("a", NewMap(("new", 1)));
            string output = Write(docs);
            Assert.Equal("a:\n  new: 1\nb: 3\n", output);
            AssertStable(output, docs);
        }
    }

    public class Removing
    {
        private const string Input = """
            metadata:
              name: web
              # labels identify the app
              labels:
                app: web
              # annotations are notes
              annotations:
                note: hi # inline
            spec: {}

            """;

        [Fact]
        public void A_removed_entry_takes_its_leading_comment_with_it()
        {
            var docs = Read(Input);
            Map(docs[0].Root!, "metadata").Remove("labels");
            string output = Write(docs);
            Assert.Equal(Input.Replace("  # labels identify the app\n  labels:\n    app: web\n", ""), output);
            AssertStable(output, docs);
        }

        [Fact]
        public void Removing_the_first_entry_keeps_the_comment_of_the_second()
        {
            var docs = Read(Input);
            Map(docs[0].Root!, "metadata").Remove("name");
            string output = Write(docs);
            Assert.Equal(Input.Replace("  name: web\n", ""), output);
        }

        [Fact]
        public void Removing_the_last_entry_of_a_nested_mapping_takes_its_inline_comment()
        {
            var docs = Read(Input);
            var meta = Map(docs[0].Root!, "metadata");
            meta.Remove("annotations");
            string output = Write(docs);
            Assert.Equal(Input.Replace("  # annotations are notes\n  annotations:\n    note: hi # inline\n", ""), output);
        }

        [Fact]
        public void Removing_the_first_key_of_a_sequence_item_moves_the_next_onto_the_dash_line()
        {
            var docs = Read("- name: app\n  image: x\n- b\n");
            Map(docs[0].Root!, 0).Remove("name");
            Assert.Equal("- image: x\n- b\n", Write(docs));
        }

        [Fact]
        public void Removing_a_sequence_item_keeps_the_comments_of_the_others()
        {
            var docs = Read("l:\n  # first\n  - a # A\n  # second\n  - b # B\n  # third\n  - c # C\nm: 1\n");
            Seq(docs[0].Root!, "l").RemoveAt(1);
            Assert.Equal("l:\n  # first\n  - a # A\n  # third\n  - c # C\nm: 1\n", Write(docs));
        }

        [Fact]
        public void Removing_every_entry_leaves_an_empty_flow_mapping()
        {
            var docs = Read("a:\n  b: 1\nc: 2\n");
            Map(docs[0].Root!, "a").Remove("b");
            string output = Write(docs);
            Assert.Equal("a: {}\nc: 2\n", output);
            AssertStable(output, docs);
        }
    }

    public class Moving
    {
        [Fact]
        public void A_cloned_item_is_copied_with_its_comments()
        {
            var docs = Read("l:\n- name: a # A\n  x: 1\n");
            var l = Seq(docs[0].Root!, "l");
            l.Add(l[0].DeepClone());
            string output = Write(docs);
            Assert.Equal("l:\n- name: a # A\n  x: 1\n- name: a # A\n  x: 1\n", output);
            AssertStable(output, docs);
        }

        [Fact]
        public void A_block_from_a_shallower_place_is_re_emitted_at_its_new_depth()
        {
            var docs = Read("labels:\n  app: web\nspec:\n  template:\n    metadata: {}\n");
            var labels = Map(docs[0].Root!, "labels").DeepClone();
            Map(docs[0].Root!, "spec", "template", "metadata").Set("labels", labels);
            string output = Write(docs);
            Assert.Equal("labels:\n  app: web\nspec:\n  template:\n    metadata:\n      labels:\n        app: web\n", output);
            AssertStable(output, docs);
        }

        [Fact]
        public void Nodes_parsed_from_another_text_get_the_documents_line_breaks()
        {
            var template = Read("name: istio-proxy # from the template\nimage: proxy\n")[0].Root!;
            var docs = Read("spec:\r\n  containers:\r\n  - name: app\r\n");
            Seq(docs[0].Root!, "spec", "containers").Add(template.DeepClone());
            string output = Write(docs);
            Assert.Equal("spec:\r\n  containers:\r\n  - name: app\r\n  - name: istio-proxy\r\n    image: proxy\r\n", output);
            AssertStable(output, docs);
        }

        [Fact]
        public void A_block_parsed_at_a_usable_column_is_copied_verbatim_even_from_another_text()
        {
            var template = Read("containers:\r\n  - name: istio-proxy # sidecar\r\n    image: proxy\r\n")[0].Root!;
            var docs = Read("spec:\n  x: 1\n");
            Map(docs[0].Root!, "spec").Set("proxy", Map(template, "containers", 0).DeepClone());
            string output = Write(docs);
            Assert.Equal("spec:\n  x: 1\n  proxy:\n    name: istio-proxy # sidecar\n    image: proxy\n", output);
            AssertStable(output, docs);
        }

        [Fact]
        public void A_block_parsed_at_an_unusable_column_is_re_emitted()
        {
            var template = Read("containers:\n- name: istio-proxy # sidecar\n  image: proxy\n")[0].Root!;
            var docs = Read("spec:\n  x: 1\n");
            Map(docs[0].Root!, "spec").Set("proxy", Map(template, "containers", 0).DeepClone());
            string output = Write(docs);
            Assert.Equal("spec:\n  x: 1\n  proxy:\n    name: istio-proxy\n    image: proxy\n", output);
            AssertStable(output, docs);
        }
    }

    public class Aliases
    {
        [Fact]
        public void An_alias_to_a_changed_anchor_is_expanded_so_it_keeps_its_meaning()
        {
            var docs = Read("base: &b {cpu: 1}\nother: *b # same\nkeep: *b\n");
            Map(docs[0].Root!, "base").Set("mem", YScalar.Int(2));
            string output = Write(docs);
            Assert.Equal("base: &b\n  cpu: 1\n  mem: 2\nother: # same\n  cpu: 1\nkeep:\n  cpu: 1\n", output);
            AssertStable(output, docs);
        }

        [Fact]
        public void An_alias_to_an_unchanged_anchor_is_copied()
        {
            var docs = Read("base: &b {cpu: 1}\nother: *b\n");
            ((YMapping)docs[0].Root!).Set("extra", YScalar.Int(1));
            Assert.Equal("base: &b {cpu: 1}\nother: *b\nextra: 1\n", Write(docs));
        }

        [Fact]
        public void A_document_whose_anchor_was_removed_still_reads_back()
        {
            var docs = Read("- &x a\n- *x\n");
            Seq(docs[0].Root!).RemoveAt(0);
            string output = Write(docs);
            Assert.Equal("- a\n", output);
        }
    }
}
