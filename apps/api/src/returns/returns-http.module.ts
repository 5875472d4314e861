import { Module } from '@nestjs/common';
import { ReturnsModule } from '@amparo/returns';
import { ReturnMovementsController } from './return-movements.controller';

/** HTTP adapters of the returns context. */
@Module({
  imports: [ReturnsModule],
  controllers: [ReturnMovementsController],
})
export class ReturnsHttpModule {}
