package io.liaison.contract;

import static io.liaison.contract.Samples.badge;
import static io.liaison.contract.Samples.license;
import static io.liaison.contract.Samples.passport;
import static io.liaison.contract.Samples.person;
import static io.liaison.contract.Samples.profile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.Association;
import io.liaison.ConflictException;
import io.liaison.HasOne;
import io.liaison.Liaison;
import io.liaison.LiaisonException;
import io.liaison.ReferentialAction;
import io.liaison.Schema;
import io.liaison.contract.fixtures.Badge;
import io.liaison.contract.fixtures.DrivingLicense;
import io.liaison.contract.fixtures.Passport;
import io.liaison.contract.fixtures.Person;
import io.liaison.contract.fixtures.Profile;
import io.liaison.spi.Capability;
import org.junit.jupiter.api.Test;

/**
 * {@code Person.hasOne(Profile)} (implicit foreign key) and {@code Person.hasOne(DrivingLicense)}
 * (declared {@code personId}, so tests can read the key itself): get, set, create, default keys,
 * onDelete and the inverse belongsTo (cheat sheet rules 2 to 5, 10, 11).
 */
public abstract class HasOneContract extends ContractGroup {

  static final HasOne<Person, Profile> PROFILE = Association.hasOne(Person.class, Profile.class);
  static final HasOne<Person, DrivingLicense> LICENSE =
      Association.hasOne(Person.class, DrivingLicense.class);

  private Liaison withProfile() {
    return liaison(
        Schema.builder().models(Person.class, Profile.class).association(PROFILE).build());
  }

  private Liaison withLicense(HasOne<Person, DrivingLicense> license) {
    return liaison(
        Schema.builder().models(Person.class, DrivingLicense.class).association(license).build());
  }

  private static Long personIdOf(Liaison db, DrivingLicense license) {
    return db.find(DrivingLicense.class, license.id).orElseThrow().personId;
  }

  // get / set

  @Test
  void getIsEmptyWhenNothingIsLinked() {
    Liaison db = withProfile();
    Person ann = db.insert(person("Ann"));
    db.insert(profile("unlinked"));

    assertThat(db.on(ann, PROFILE).get()).isEmpty();
  }

  @Test
  void getReturnsTheTargetThatSetLinked() {
    Liaison db = withProfile();
    Person ann = db.insert(person("Ann"));
    Profile profile = db.insert(profile("climber"));

    db.on(ann, PROFILE).set(profile);

    assertThat(db.on(ann, PROFILE).get())
        .get()
        .satisfies(p -> assertThat(p.id).isEqualTo(profile.id))
        .satisfies(p -> assertThat(p.bio).isEqualTo("climber"));
  }

  @Test
  void getReadsOnlyTheTargetOfThisSource() {
    Liaison db = withProfile();
    Person ann = db.insert(person("Ann"));
    Person bob = db.insert(person("Bob"));
    Profile annsProfile = db.insert(profile("ann"));
    Profile bobsProfile = db.insert(profile("bob"));

    db.on(ann, PROFILE).set(annsProfile);
    db.on(bob, PROFILE).set(bobsProfile);

    assertThat(db.on(ann, PROFILE).get()).get().extracting(p -> p.id).isEqualTo(annsProfile.id);
    assertThat(db.on(bob, PROFILE).get()).get().extracting(p -> p.id).isEqualTo(bobsProfile.id);
  }

  @Test
  void setReplacesThePreviousTargetAndNullsItsForeignKey() {
    Liaison db = withLicense(LICENSE);
    Person ann = db.insert(person("Ann"));
    DrivingLicense first = db.insert(license("L-1"));
    DrivingLicense second = db.insert(license("L-2"));
    db.on(ann, LICENSE).set(first);

    db.on(ann, LICENSE).set(second);

    assertThat(db.on(ann, LICENSE).get()).get().extracting(l -> l.id).isEqualTo(second.id);
    assertThat(db.find(DrivingLicense.class, first.id))
        .as("the previous target is kept")
        .isPresent();
    assertThat(personIdOf(db, first)).as("the previous target's foreign key").isNull();
  }

  @Test
  void setNullUnlinksTheTargetAndKeepsIt() {
    Liaison db = withLicense(LICENSE);
    Person ann = db.insert(person("Ann"));
    DrivingLicense license = db.insert(license("L-1"));
    db.on(ann, LICENSE).set(license);

    db.on(ann, LICENSE).set(null);

    assertThat(db.on(ann, LICENSE).get()).isEmpty();
    assertThat(db.find(DrivingLicense.class, license.id)).isPresent();
    assertThat(personIdOf(db, license)).isNull();
  }

  @Test
  void setNullDeletesTheTargetWhenForeignKeyMayNotBeNull() {
    HasOne<Person, DrivingLicense> strict = LICENSE.foreignKeyAllowNull(false);
    Liaison db = withLicense(strict);
    Person ann = db.insert(person("Ann"));
    DrivingLicense license = db.on(ann, strict).create(license("L-1"));

    db.on(ann, strict).set(null);

    assertThat(db.on(ann, strict).get()).isEmpty();
    assertThat(db.find(DrivingLicense.class, license.id)).as("the unlinked target").isEmpty();
  }

  @Test
  void setDeletesThePreviousTargetWhenForeignKeyMayNotBeNull() {
    HasOne<Person, DrivingLicense> strict = LICENSE.foreignKeyAllowNull(false);
    Liaison db = withLicense(strict);
    Person ann = db.insert(person("Ann"));
    Person bob = db.insert(person("Bob"));
    DrivingLicense previous = db.on(ann, strict).create(license("L-ann"));
    DrivingLicense next = db.on(bob, strict).create(license("L-bob"));

    db.on(ann, strict).set(next);

    assertThat(db.find(DrivingLicense.class, previous.id)).as("the previous target").isEmpty();
    assertThat(db.on(ann, strict).get()).get().extracting(l -> l.id).isEqualTo(next.id);
  }

  @Test
  void setMovesATargetLinkedToAnotherSource() {
    Liaison db = withLicense(LICENSE);
    Person ann = db.insert(person("Ann"));
    Person bob = db.insert(person("Bob"));
    DrivingLicense license = db.insert(license("L-1"));
    db.on(ann, LICENSE).set(license);

    db.on(bob, LICENSE).set(license);

    assertThat(db.on(ann, LICENSE).get()).as("the previous source").isEmpty();
    assertThat(db.on(bob, LICENSE).get()).get().extracting(l -> l.id).isEqualTo(license.id);
    assertThat(personIdOf(db, license)).isEqualTo(bob.id);
  }

  @Test
  void sourceAndTargetMayBeGivenAsIds() {
    Liaison db = withLicense(LICENSE);
    Person ann = db.insert(person("Ann"));
    DrivingLicense license = db.insert(license("L-1"));

    db.on(ann.id, LICENSE).set(license.id);

    assertThat(db.on(ann.id, LICENSE).get()).get().extracting(l -> l.number).isEqualTo("L-1");
    assertThat(personIdOf(db, license)).isEqualTo(ann.id);
  }

  // create

  @Test
  void createInsertsTheTargetAndLinksIt() {
    Liaison db = withProfile();
    Person ann = db.insert(person("Ann"));

    Profile created = db.on(ann, PROFILE).create(profile("new"));

    assertThat(created.id).as("generated id").isNotNull();
    assertThat(db.find(Profile.class, created.id)).get().extracting(p -> p.bio).isEqualTo("new");
    assertThat(db.on(ann, PROFILE).get()).get().extracting(p -> p.id).isEqualTo(created.id);
  }

  @Test
  void createReplacesThePreviousTarget() {
    Liaison db = withLicense(LICENSE);
    Person ann = db.insert(person("Ann"));
    DrivingLicense first = db.on(ann, LICENSE).create(license("L-1"));

    DrivingLicense second = db.on(ann, LICENSE).create(license("L-2"));

    assertThat(db.on(ann, LICENSE).get()).get().extracting(l -> l.id).isEqualTo(second.id);
    assertThat(personIdOf(db, first)).as("the previous target's foreign key").isNull();
  }

  @Test
  void createWritesTheForeignKeyWithTheTargetWhenItMayNotBeNull() {
    HasOne<Person, DrivingLicense> strict = LICENSE.foreignKeyAllowNull(false);
    Liaison db = withLicense(strict);
    Person ann = db.insert(person("Ann"));

    DrivingLicense created = db.on(ann, strict).create(license("L-1"));

    assertThat(personIdOf(db, created)).isEqualTo(ann.id);
  }

  @Test
  void createThatFailsLeavesThePreviousTargetLinked() {
    HasOne<Person, Passport> passport = Association.hasOne(Person.class, Passport.class);
    Liaison db =
        liaison(
            Schema.builder().models(Person.class, Passport.class).association(passport).build());
    Person ann = db.insert(person("Ann"));
    Passport previous = db.on(ann, passport).create(passport("P-1"));
    Passport clash = passport("P-2");
    clash.id = previous.id;

    assertThatThrownBy(() -> db.on(ann, passport).create(clash))
        .isInstanceOf(LiaisonException.class);

    assertThat(db.findAll(Passport.class))
        .as("passports")
        .extracting(p -> p.number)
        .containsExactly("P-1");
    assertThat(db.on(ann, passport).get()).get().extracting(p -> p.number).isEqualTo("P-1");
  }

  // foreign-key names (rule 2)

  @Test
  void defaultForeignKeyIsTheSourceNamePlusId() {
    Liaison db = withLicense(LICENSE);
    Person ann = db.insert(person("Ann"));
    DrivingLicense license = db.insert(license("L-1"));

    db.on(ann, LICENSE).set(license);

    assertThat(personIdOf(db, license)).isEqualTo(ann.id);
  }

  @Test
  void inverseAliasNamesTheDefaultForeignKey() {
    HasOne<Person, Passport> passport =
        Association.hasOne(Person.class, Passport.class).inverseAs("owner");
    Liaison db =
        liaison(
            Schema.builder().models(Person.class, Passport.class).association(passport).build());
    Person ann = db.insert(person("Ann"));
    Passport p = db.insert(passport("P-1"));

    db.on(ann, passport).set(p);

    assertThat(db.find(Passport.class, p.id))
        .get()
        .extracting(found -> found.ownerId)
        .isEqualTo(ann.id);
  }

  @Test
  void explicitForeignKeyHoldsTheSourceId() {
    HasOne<Person, Badge> badge =
        Association.hasOne(Person.class, Badge.class).foreignKey("holderId");
    Liaison db =
        liaison(Schema.builder().models(Person.class, Badge.class).association(badge).build());
    Person ann = db.insert(person("Ann"));
    Badge b = db.insert(badge("guest"));

    db.on(ann, badge).set(b);

    assertThat(db.find(Badge.class, b.id))
        .get()
        .extracting(found -> found.holderId)
        .isEqualTo(ann.id);
  }

  // onDelete (rule 3)

  @Test
  void deletingTheSourceNullsTheForeignKeyByDefault() {
    Liaison db = withLicense(LICENSE);
    Person ann = db.insert(person("Ann"));
    DrivingLicense license = db.on(ann, LICENSE).create(license("L-1"));

    db.delete(ann);

    assertThat(db.find(DrivingLicense.class, license.id)).as("the target").isPresent();
    assertThat(personIdOf(db, license)).isNull();
  }

  @Test
  void deletingTheSourceDeletesTheTargetByDefaultWhenForeignKeyMayNotBeNull() {
    HasOne<Person, DrivingLicense> strict = LICENSE.foreignKeyAllowNull(false);
    Liaison db = withLicense(strict);
    Person ann = db.insert(person("Ann"));
    Person bob = db.insert(person("Bob"));
    DrivingLicense annsLicense = db.on(ann, strict).create(license("L-ann"));
    DrivingLicense bobsLicense = db.on(bob, strict).create(license("L-bob"));

    db.delete(ann);

    assertThat(db.find(DrivingLicense.class, annsLicense.id))
        .as("the deleted source's target")
        .isEmpty();
    assertThat(db.find(DrivingLicense.class, bobsLicense.id))
        .as("another source's target")
        .isPresent();
  }

  @Test
  @Requires(Capability.REFERENTIAL_ACTIONS)
  void restrictRefusesDeletingALinkedSourceAndChangesNothing() {
    HasOne<Person, DrivingLicense> restricted = LICENSE.onDelete(ReferentialAction.RESTRICT);
    Liaison db = withLicense(restricted);
    Person ann = db.insert(person("Ann"));
    DrivingLicense license = db.on(ann, restricted).create(license("L-1"));

    assertThatThrownBy(() -> db.delete(ann)).isInstanceOf(ConflictException.class);

    assertThat(db.find(Person.class, ann.id)).as("the source").isPresent();
    assertThat(personIdOf(db, license)).isEqualTo(ann.id);
  }

  @Test
  @Requires(Capability.REFERENTIAL_ACTIONS)
  void restrictLetsASourceWithoutTargetBeDeleted() {
    HasOne<Person, DrivingLicense> restricted = LICENSE.onDelete(ReferentialAction.RESTRICT);
    Liaison db = withLicense(restricted);
    Person ann = db.insert(person("Ann"));
    Person bob = db.insert(person("Bob"));
    db.on(bob, restricted).create(license("L-bob"));

    db.delete(ann);

    assertThat(db.find(Person.class, ann.id)).isEmpty();
  }

  // the inverse (Sequelize v7 declares it with the hasOne)

  @Test
  void inverseReadsTheLinkThatHasOneMade() {
    Liaison db = withProfile();
    Person ann = db.insert(person("Ann"));
    Profile profile = db.insert(profile("climber"));

    db.on(ann, PROFILE).set(profile);

    assertThat(db.on(profile, PROFILE.inverse()).get())
        .get()
        .extracting(p -> p.id)
        .isEqualTo(ann.id);
  }

  @Test
  void hasOneReadsTheLinkThatItsInverseMade() {
    Liaison db = withProfile();
    Person ann = db.insert(person("Ann"));
    Profile profile = db.insert(profile("climber"));

    db.on(profile, PROFILE.inverse()).set(ann);

    assertThat(db.on(ann, PROFILE).get()).get().extracting(p -> p.id).isEqualTo(profile.id);
  }

  @Test
  void unlinkingThroughHasOneUnlinksTheInverse() {
    Liaison db = withProfile();
    Person ann = db.insert(person("Ann"));
    Profile profile = db.on(ann, PROFILE).create(profile("climber"));

    db.on(ann, PROFILE).set(null);

    assertThat(db.on(profile, PROFILE.inverse()).get()).isEmpty();
    assertThat(db.find(Profile.class, profile.id)).isPresent();
  }
}
