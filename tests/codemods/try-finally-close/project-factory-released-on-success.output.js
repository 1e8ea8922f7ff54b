class Connection {
  constructor(driver) {
    this.driver = driver;
  }

  createQueryRunner() {
    return this.driver.createQueryRunner('master');
  }

  async dropDatabase(databases) {
    const queryRunner = this.createQueryRunner();
    try {
      for (const database of databases) {
        await queryRunner.clearDatabase(database);
      }
    } finally {
      await queryRunner.release();
    }
  }
}

module.exports = { Connection };
