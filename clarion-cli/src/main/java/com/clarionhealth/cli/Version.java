package com.clarionhealth.cli;

import picocli.CommandLine.IVersionProvider;

/** The version of the jar, from its manifest. */
final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Version.class.getPackage().getImplementationVersion();
    return new String[] {"clarion " + (version == null ? "dev" : version)};
  }
}
