using KubeInject.Go;

namespace KubeInject.Tests.Go;

public class MultiErrorTests
{
    // hashicorp/go-multierror format_test.go: TestListFormatFuncSingle and TestListFormatFuncMultiple.
    [Fact]
    public void One_error() => Assert.Equal("1 error occurred:\n\t* foo\n\n", MultiError.Format(["foo"]));

    [Fact]
    public void Two_errors() => Assert.Equal("2 errors occurred:\n\t* foo\n\t* bar\n\n", MultiError.Format(["foo", "bar"]));
}
