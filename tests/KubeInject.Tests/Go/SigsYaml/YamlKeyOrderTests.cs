using KubeInject.Go.SigsYaml;

namespace KubeInject.Tests.Go.SigsYaml;

public class YamlKeyOrderTests
{
    // gopkg.in/yaml.v2 encode_test.go, TestSortedOutput: the string keys of its order list, which go-yaml's
    // keyList.Less (sorter.go) must keep in this order.
    private static readonly string[] GoYamlOrder =
    [
        "", ".1", ".2", ".a", "1", "2", "a!10", "a/0001", "a/002", "a/3", "a/10", "a/11", "a/0012", "a/100", "a~10",
        "ab/1", "b/1", "b/01", "b/2", "b/02", "b/3", "b/03", "b1", "b01", "b3", "c2.10", "c10.2", "d1", "d7", "d7abc",
        "d12", "d12a", "e2b", "e4b", "e21a",
    ];

    [Fact]
    public void Keys_sort_in_go_yamls_natural_order()
    {
        var shuffled = GoYamlOrder.Reverse().ToList();
        shuffled.Sort(YamlKeyOrder.Instance);
        Assert.Equal(GoYamlOrder, shuffled);
    }

    // sigs.k8s.io/yaml.Marshal goes through JSON, so a whole float64 is written as an int, and ends with a newline.
    [Fact]
    public void Marshal_writes_block_yaml_in_that_order()
    {
        var map = new Scriban.Runtime.ScriptObject { ["port10"] = 1.0, ["port9"] = "on", ["a"] = new Scriban.Runtime.ScriptArray { 0.5 } };
        Assert.Equal("a:\n- 0.5\nport9: \"on\"\nport10: 1\n", YamlMarshal.Marshal(map));
    }
}
