package dev.reelforge.local.template;

/** The pseudo parameters of the embedded stack ({@code AWS::StackName}, {@code AWS::Region}, ...). */
public record StackIdentity(String stackName, String region, String accountId) {

    public static final StackIdentity LOCAL = new StackIdentity("reelforge-local", "us-east-1", "000000000000");
}
